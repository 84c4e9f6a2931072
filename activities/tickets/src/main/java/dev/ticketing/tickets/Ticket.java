package dev.ticketing.tickets;

import static dev.ticketing.workflows.Rejection.CONFLICT;
import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.NOT_AUTHORIZED;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/** A ticket for sale: held by at most one order at a time, and editable only while nobody does. */
public record Ticket(
    TicketId id,
    String title,
    Price price,
    UserId userId,
    long version,
    @Nullable OrderId orderId,
    TicketStatus status,
    Instant createdAt) {

  static Ticket listed(UserId seller, String title, Price price, Instant now) {
    var id = new TicketId(new ObjectId().toHexString());
    return new Ticket(id, title, price, seller, 0, null, TicketStatus.AVAILABLE, now);
  }

  /** The seller's new title and price; refused while an order holds it or when stale. */
  Ticket edit(UserId editor, String newTitle, Price newPrice, @Nullable Long expectedVersion) {
    if (!userId.equals(editor)) {
      throw NOT_AUTHORIZED.failure("Not authorized");
    }
    if (status != TicketStatus.AVAILABLE) {
      throw INVALID.failure("Cannot edit a reserved ticket");
    }
    if (expectedVersion != null && expectedVersion != version) {
      throw CONFLICT.failure("Ticket was changed since version " + expectedVersion);
    }
    return new Ticket(id, newTitle, newPrice, userId, version, orderId, status, createdAt);
  }

  /** Held for {@code order}; holding it again for the same order changes nothing. */
  Ticket reserveFor(OrderId order, UserId buyer) {
    if (order.equals(orderId)) {
      return this;
    }
    if (userId.equals(buyer)) {
      throw INVALID.failure("You cannot buy your own ticket");
    }
    if (status != TicketStatus.AVAILABLE) {
      throw INVALID.failure("Ticket is already reserved");
    }
    return with(order, TicketStatus.RESERVED);
  }

  /** Available again, if {@code order} still holds it; anything else is left alone. */
  Ticket release(OrderId order) {
    return status == TicketStatus.RESERVED && order.equals(orderId)
        ? with(null, TicketStatus.AVAILABLE)
        : this;
  }

  /** Sold to the order holding it. */
  Ticket markSold(OrderId order) {
    if (!order.equals(orderId)) {
      throw new IllegalStateException("Ticket " + id + " is not held by order " + order);
    }
    return with(order, TicketStatus.SOLD);
  }

  private Ticket with(@Nullable OrderId holder, TicketStatus newStatus) {
    return new Ticket(id, title, price, userId, version, holder, newStatus, createdAt);
  }
}
