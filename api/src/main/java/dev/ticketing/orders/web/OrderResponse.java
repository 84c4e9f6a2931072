package dev.ticketing.orders.web;

import dev.ticketing.workflows.orders.CancellationReason;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An order as the API shows it. */
public record OrderResponse(
    String id,
    String userId,
    OrderStatus status,
    Instant expiresAt,
    long version,
    TicketView ticket,
    @Schema(nullable = true) @Nullable CancellationReason cancellationReason,
    Instant createdAt) {

  /** The ticket as the order took it; {@code eventAt} null when it has no event date. */
  public record TicketView(
      String id,
      String title,
      BigDecimal price,
      long version,
      @Schema(nullable = true) @Nullable Instant eventAt) {}

  public static OrderResponse of(Order order) {
    Order.Ticket ticket = order.ticket();
    return new OrderResponse(
        order.id().value(),
        order.userId().value(),
        order.status(),
        order.expiresAt(),
        order.version(),
        new TicketView(
            ticket.id().value(),
            ticket.title(),
            ticket.price().amount(),
            ticket.version(),
            ticket.eventAt()),
        order.cancellationReason(),
        order.createdAt());
  }
}
