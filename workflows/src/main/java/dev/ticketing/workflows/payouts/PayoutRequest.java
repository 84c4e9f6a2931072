package dev.ticketing.workflows.payouts;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * What a completed order owes its seller: the charge, the event's date and when it was paid. The
 * ticket's title, for the seller's emails, is null in payouts started before those.
 */
public record PayoutRequest(
    OrderId orderId,
    TicketId ticketId,
    UserId sellerId,
    Price price,
    @Nullable Instant eventAt,
    Instant completedAt,
    String paymentIntentId,
    @Nullable String ticketTitle) {}
