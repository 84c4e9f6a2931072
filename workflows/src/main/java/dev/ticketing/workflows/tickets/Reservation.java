package dev.ticketing.workflows.tickets;

import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A ticket as it was when an order took it: what the order shows and charges, and whose it is.
 * Histories from before the seller and the event's date were told have them null.
 */
public record Reservation(
    TicketId ticketId,
    String title,
    Price price,
    long version,
    @Nullable UserId sellerId,
    @Nullable Instant eventAt) {}
