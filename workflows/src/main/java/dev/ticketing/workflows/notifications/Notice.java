package dev.ticketing.workflows.notifications;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One email to send, once: {@code key} names the event it tells of ({@code receipt-<orderId>}), and
 * no two events share one. {@code amount} is in minor units; {@code date} is the payout's release
 * or payment date where the kind has one; {@code needsAccount} asks a seller to set up payouts.
 */
public record Notice(
    String key,
    NoticeKind kind,
    UserId recipient,
    OrderId orderId,
    TicketId ticketId,
    String ticketTitle,
    long amount,
    String currency,
    @Nullable Instant date,
    boolean needsAccount) {}
