package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.tickets.Reservation;
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
    @Nullable CancellationReason cancellationReason,
    Instant createdAt) {

  /** The ticket as the order took it; seller and event date are null for orders from before. */
  public record Ticket(
      TicketId id,
      String title,
      Price price,
      long version,
      @Nullable UserId sellerId,
      @Nullable Instant eventAt) {

    /** The ticket as its reservation held it. */
    public static Ticket of(Reservation reserved) {
      return new Ticket(
          reserved.ticketId(),
          reserved.title(),
          reserved.price(),
          reserved.version(),
          reserved.sellerId(),
          reserved.eventAt());
    }
  }

  /** Waiting for its charge; repeating it changes nothing. */
  public Order startPayment() {
    return status == OrderStatus.CREATED ? with(OrderStatus.AWAITING_PAYMENT, null) : this;
  }

  /** Paid; only an open order can be, and repeating it changes nothing. */
  public Order complete() {
    if (status == OrderStatus.CANCELLED) {
      throw new IllegalStateException("Order " + id + " is cancelled and can't be completed");
    }
    return with(OrderStatus.COMPLETE, null);
  }

  /** Cancelled for {@code reason}; a closed order stays as it is. */
  public Order cancelled(CancellationReason reason) {
    return status.isClosed() ? this : with(OrderStatus.CANCELLED, reason);
  }

  private Order with(OrderStatus newStatus, @Nullable CancellationReason reason) {
    return new Order(id, userId, newStatus, expiresAt, version, ticket, reason, createdAt);
  }
}
