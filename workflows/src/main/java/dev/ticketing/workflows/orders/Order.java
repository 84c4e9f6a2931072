package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An order as the buyer sees it, with the ticket as it was when the order took it. */
public record Order(
    OrderId id,
    UserId userId,
    OrderStatus status,
    Instant expiresAt,
    long version,
    Ticket ticket,
    @Nullable CancellationReason cancellationReason) {

  public record Ticket(TicketId id, String title, Price price, long version) {}

  public Order cancelled(CancellationReason reason) {
    return new Order(id, userId, OrderStatus.CANCELLED, expiresAt, version, ticket, reason);
  }
}
