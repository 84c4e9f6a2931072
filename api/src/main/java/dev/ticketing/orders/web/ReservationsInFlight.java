package dev.ticketing.orders.web;

import dev.ticketing.api.ApiException;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.orders.Order;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Lets one reservation per ticket at a time leave this process. In an on-sale rush every buyer
 * reads the ticket as available before the first reservation lands, and each would start a workflow
 * only to be refused; instead the others wait for the first one's answer: refused at once if it got
 * the ticket, else the next one looks at the ticket and tries. The workflow still decides.
 */
@Component
class ReservationsInFlight {

  /** The order each in-flight reservation is for; completed with it if it got the ticket. */
  private final ConcurrentHashMap<TicketId, CompletableFuture<@Nullable OrderId>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * Runs {@code reserve} for {@code order} once no other reservation of the ticket is in flight
   * here. It checks the ticket first: checking inside, not before, refuses a buyer who read the
   * ticket before a reservation that has just landed.
   */
  Order oneAtATime(TicketId ticket, OrderId order, Supplier<Order> reserve) {
    while (true) {
      var mine = new CompletableFuture<@Nullable OrderId>();
      var theirs = inFlight.putIfAbsent(ticket, mine);
      if (theirs == null) {
        return reserve(ticket, mine, reserve);
      }
      OrderId holder = theirs.join();
      if (holder != null && !holder.equals(order)) {
        throw ApiException.badRequest("Ticket is already reserved");
      }
    }
  }

  private Order reserve(
      TicketId ticket, CompletableFuture<@Nullable OrderId> mine, Supplier<Order> reserve) {
    OrderId holder = null;
    try {
      Order reserved = reserve.get();
      holder = reserved.id();
      return reserved;
    } finally {
      inFlight.remove(ticket, mine);
      mine.complete(holder);
    }
  }
}
