package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Duration;

/**
 * What starts an order workflow. The expiration travels as input, so changing the configured window
 * never changes how a running order replays.
 */
public record Purchase(OrderId orderId, UserId buyerId, TicketId ticketId, Duration expiration) {}
