package dev.ticketing.workflows.tickets;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import io.temporal.activity.ActivityInterface;
import org.jspecify.annotations.Nullable;

/** The tickets store, as the order workflow uses it. Every method is safe to retry. */
@ActivityInterface(namePrefix = "Ticket")
public interface TicketActivities {

  /**
   * Holds the ticket for the order with one atomic conditional write, starting from the ticket as
   * {@code seen} (null: as read now). Rejects an unknown ticket ({@code NOT_FOUND}), a held or sold
   * one and the buyer's own ({@code INVALID}).
   */
  Reservation reserve(
      TicketId ticketId, OrderId orderId, UserId buyerId, @Nullable TicketSeen seen);

  /** Makes the ticket available again, only if this order still holds it. */
  void release(TicketId ticketId, OrderId orderId);

  /** Marks the ticket sold to the order that holds it. */
  void markSold(TicketId ticketId, OrderId orderId);

  /** Who sells the ticket: for orders whose reservation did not say (made before it did). */
  UserId sellerOf(TicketId ticketId);
}
