package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.tickets.TicketSeen;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What starts an order workflow. The expiration travels as input, so changing the configured window
 * never changes how a running order replays. The ticket as the buyer's request found it, when told
 * (null in orders from before), spares its reservation a read.
 */
public record Purchase(
    OrderId orderId,
    UserId buyerId,
    TicketId ticketId,
    Duration expiration,
    @Nullable TicketSeen seen) {

  public Purchase(OrderId orderId, UserId buyerId, TicketId ticketId, Duration expiration) {
    this(orderId, buyerId, ticketId, expiration, null);
  }
}
