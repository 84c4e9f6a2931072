package dev.ticketing.workflows.tickets;

import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ticket for sale as the buyer's request found it in the tickets store, at {@code version}: the
 * reservation may start from it instead of reading the ticket again. One that is stale by then
 * costs that read all the same (the store's claim of the next version fails), never a wrong hold.
 */
public record TicketSeen(
    TicketId id,
    String title,
    Price price,
    UserId sellerId,
    long version,
    @Nullable Instant eventAt,
    Instant createdAt) {}
