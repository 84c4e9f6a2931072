package dev.ticketing.tickets;

import dev.ticketing.store.AttemptDeadline;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.tickets.Reservation;
import dev.ticketing.workflows.tickets.TicketActivities;
import dev.ticketing.workflows.tickets.TicketSeen;
import org.jspecify.annotations.Nullable;

public class TicketActivitiesImpl implements TicketActivities {

  private final Tickets tickets;

  public TicketActivitiesImpl(Tickets tickets) {
    this.tickets = tickets;
  }

  @Override
  public Reservation reserve(
      TicketId ticketId, OrderId orderId, UserId buyerId, @Nullable TicketSeen seen) {
    Ticket held =
        tickets.reserve(
            ticketId,
            orderId,
            buyerId,
            seen == null ? null : Ticket.of(seen),
            AttemptDeadline.ofThisAttempt());
    return new Reservation(
        held.id(), held.title(), held.price(), held.version(), held.userId(), held.eventAt());
  }

  @Override
  public void release(TicketId ticketId, OrderId orderId) {
    tickets.release(ticketId, orderId);
  }

  @Override
  public void markSold(TicketId ticketId, OrderId orderId) {
    tickets.markSold(ticketId, orderId);
  }

  @Override
  public UserId sellerOf(TicketId ticketId) {
    return tickets
        .find(ticketId.value())
        .orElseThrow(() -> new IllegalStateException("No ticket " + ticketId))
        .userId();
  }
}
