package dev.ticketing.tickets;

import static dev.ticketing.workflows.Rejection.CONFLICT;
import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.NOT_AUTHORIZED;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.tickets.TicketSeen;
import java.time.Instant;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/**
 * A ticket for sale: held by at most one order at a time, editable only while nobody does, and no
 * longer for sale once its event ({@code eventAt}, when known) has taken place.
 */
public record Ticket(
    TicketId id,
    String title,
    Price price,
    UserId userId,
    long version,
    @Nullable OrderId orderId,
    TicketStatus status,
    @Nullable Instant eventAt,
    Instant createdAt) {

  /**
   * What a seller's edit asks for: a title and price, and an event date, or (when {@code
   * keepsEventAt}) the ticket's own kept.
   */
  public record Edit(String title, Price price, @Nullable Instant eventAt, boolean keepsEventAt) {}

  /** The ticket for sale as a buyer's request found it: what it was, at that version. */
  static Ticket of(TicketSeen seen) {
    return new Ticket(
        seen.id(),
        seen.title(),
        seen.price(),
        seen.sellerId(),
        seen.version(),
        null,
        TicketStatus.AVAILABLE,
        seen.eventAt(),
        seen.createdAt());
  }

  /**
   * What a buyer's request saw of this ticket, for its reservation to start from: only a ticket for
   * sale, which {@link #of} makes again exactly; null for any other.
   */
  public @Nullable TicketSeen seen() {
    return status == TicketStatus.AVAILABLE && orderId == null
        ? new TicketSeen(id, title, price, userId, version, eventAt, createdAt)
        : null;
  }

  static Ticket listed(
      UserId seller, String title, Price price, @Nullable Instant eventAt, Instant now) {
    var id = new TicketId(new ObjectId().toHexString());
    return new Ticket(id, title, price, seller, 0, null, TicketStatus.AVAILABLE, eventAt, now);
  }

  /** Whether a buyer could order it now: available, and its event still to come. */
  public boolean isForSale(Instant now) {
    return status == TicketStatus.AVAILABLE && !hasTakenPlace(now);
  }

  public boolean hasTakenPlace(Instant now) {
    return eventAt != null && !eventAt.isAfter(now);
  }

  /**
   * The seller's new title, price and event date; refused while an order holds it or when stale.
   */
  Ticket edit(UserId editor, Edit edit, @Nullable Long expectedVersion) {
    if (!userId.equals(editor)) {
      throw NOT_AUTHORIZED.failure("Not authorized");
    }
    if (status != TicketStatus.AVAILABLE) {
      throw INVALID.failure("Cannot edit a reserved ticket");
    }
    if (expectedVersion != null && expectedVersion != version) {
      throw CONFLICT.failure("Ticket was changed since version " + expectedVersion);
    }
    Instant newEventAt = edit.keepsEventAt() ? eventAt : edit.eventAt();
    return new Ticket(
        id, edit.title(), edit.price(), userId, version, orderId, status, newEventAt, createdAt);
  }

  /** Held for {@code order}; holding it again for the same order changes nothing. */
  Ticket reserveFor(OrderId order, UserId buyer, Instant now) {
    if (order.equals(orderId)) {
      return this;
    }
    if (userId.equals(buyer)) {
      throw INVALID.failure("You cannot buy your own ticket");
    }
    if (status != TicketStatus.AVAILABLE) {
      throw INVALID.failure("Ticket is already reserved");
    }
    if (hasTakenPlace(now)) {
      throw INVALID.failure("Event has already taken place");
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
    return new Ticket(id, title, price, userId, version, holder, newStatus, eventAt, createdAt);
  }
}
