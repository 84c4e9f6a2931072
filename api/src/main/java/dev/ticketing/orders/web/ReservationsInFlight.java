package dev.ticketing.orders.web;

import dev.ticketing.workflows.TicketId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Lets one reservation per ticket at a time leave this process. In an on-sale rush every buyer
 * reads the ticket as available before the first reservation lands, and each would start a workflow
 * only to be refused; instead the others wait for the first one's answer and look at the ticket
 * again, so a refusal costs a read. The workflow still decides: this only spares it work.
 */
@Component
class ReservationsInFlight {

  private final ConcurrentHashMap<TicketId, CompletableFuture<Void>> inFlight =
      new ConcurrentHashMap<>();

  /**
   * Runs {@code reserve} once no other reservation of the ticket is in flight here; before each
   * turn after a wait, {@code recheck} looks at the ticket again and throws to refuse.
   */
  <T> T oneAtATime(TicketId ticket, Runnable recheck, Supplier<T> reserve) {
    while (true) {
      var mine = new CompletableFuture<Void>();
      CompletableFuture<Void> theirs = inFlight.putIfAbsent(ticket, mine);
      if (theirs == null) {
        try {
          return reserve.get();
        } finally {
          inFlight.remove(ticket, mine);
          mine.complete(null);
        }
      }
      theirs.join();
      recheck.run();
    }
  }
}
