package dev.ticketing.orders.web;

import dev.ticketing.tickets.Tickets;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attempts to reserve a ticket at a version that this process heard stand, each for a second:
 * long enough that a rush's later buyers are refused without asking the store, short enough that an
 * attempt abandoned in another process (its reservation failed) bars nobody for longer.
 */
final class StandingAttempts {

  private static final Duration TRUSTED = Duration.ofSeconds(1);
  // More tickets than this attempted within a second is no rush to remember; start again.
  private static final int KEPT = 10_000;

  private record Heard(Tickets.Attempt attempt, long atNanos) {}

  private final ConcurrentHashMap<String, Heard> heard = new ConcurrentHashMap<>();

  void heard(String ticketVersion, Tickets.Attempt attempt) {
    if (heard.size() >= KEPT) {
      heard.clear();
    }
    heard.put(ticketVersion, new Heard(attempt, System.nanoTime()));
  }

  /** Whether another order's attempt at this ticket and version stood a moment ago. */
  boolean heldByAnother(String ticketVersion, OrderId order) {
    Heard known = heard.get(ticketVersion);
    if (known == null) {
      return false;
    }
    if (System.nanoTime() - known.atNanos() > TRUSTED.toNanos()) {
      heard.remove(ticketVersion, known);
      return false;
    }
    return !known.attempt().orderId().equals(order);
  }

  /** An attempt of this process whose reservation failed: the next buyer may try at once. */
  void forget(Tickets.Attempt attempt) {
    heard.values().removeIf(known -> known.attempt().id().equals(attempt.id()));
  }

  /** Every attempt at the ticket: its order closed here, and it is for sale again. */
  void forget(TicketId ticket) {
    heard.keySet().removeIf(ticketVersion -> ticketVersion.startsWith(ticket.value() + ":"));
  }
}
