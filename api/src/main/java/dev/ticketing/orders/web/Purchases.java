package dev.ticketing.orders.web;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import dev.ticketing.api.CurrentUser;
import dev.ticketing.orders.OrderSettings;
import dev.ticketing.orders.Orders;
import dev.ticketing.store.Sha256;
import dev.ticketing.tickets.Ticket;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.TicketStatus;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderStatus;
import dev.ticketing.workflows.orders.Purchase;
import io.micrometer.core.instrument.Metrics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * A purchase as the API runs it: the order workflow decides, and this answers what it can first, so
 * a buyer who can't have the ticket costs no workflow, and no read when this process knows already:
 * the catalog says the ticket is taken, or another order's attempt at it stands.
 */
@Component
public class Purchases {

  private final Orders orders;
  private final Tickets tickets;
  private final OrderWorkflows workflows;
  private final OrderSettings settings;
  private final TicketCatalog catalog;
  private final SingleFlight<TicketId, Optional<Ticket>> ticketReads = new SingleFlight<>();
  private final SingleFlight<String, Tickets.Attempt> attempts = new SingleFlight<>();
  private final StandingAttempts standing = new StandingAttempts();

  Purchases(
      Orders orders,
      Tickets tickets,
      OrderWorkflows workflows,
      OrderSettings settings,
      TicketCatalog catalog) {
    this.orders = orders;
    this.tickets = tickets;
    this.workflows = workflows;
    this.settings = settings;
    this.catalog = catalog;
  }

  /** Reserves the ticket for a new order; a repeated Idempotency-Key answers the first order. */
  Order start(UserId buyer, TicketId ticketId, @Nullable String idempotencyKey) {
    OrderId orderId = idempotencyKey == null ? newOrderId() : keyedOrderId(buyer, idempotencyKey);
    if (idempotencyKey != null) {
      var earlier = orders.find(orderId.value());
      if (earlier.isPresent()) {
        if (!earlier.get().ticket().id().equals(ticketId)) {
          throw ApiException.badRequest("Idempotency-Key was used with a different request");
        }
        return earlier.get();
      }
    }
    refuseKnownTaken(buyer, ticketId, orderId);
    Ticket ticket = refuseUnavailable(buyer, ticketId, orderId);
    Tickets.Attempt attempt = firstAttempt(ticket, orderId);
    if (!attempt.orderId().equals(orderId)) {
      throw refused("taken", "Ticket is already reserved");
    }
    Order order;
    try {
      var asShown =
          new Order.Ticket(
              ticketId,
              ticket.title(),
              ticket.price(),
              ticket.version(),
              ticket.userId(),
              ticket.eventAt());
      order =
          workflows.reserve(
              new Purchase(orderId, buyer, ticketId, settings.expiration(), ticket.seen()),
              asShown);
    } catch (RuntimeException failed) {
      standing.forget(attempt);
      tickets.abandon(attempt);
      Rejection.in(failed).ifPresent(rejected -> count("workflow"));
      throw failed;
    }
    catalog.withdraw(ticketId, ticket.version());
    return order;
  }

  /**
   * Refuses, from memory, a buyer of a ticket this process knows is taken: in an on-sale rush,
   * every buyer after the first few. Only what is surely so: the catalog trails the store by the
   * feed's poll, so a ticket released a moment ago may be refused for that moment, as to a buyer
   * who came a moment sooner; a ticket it says is for sale goes on to the store. The seller is told
   * why below.
   */
  private void refuseKnownTaken(UserId buyer, TicketId ticketId, OrderId orderId) {
    Optional<Ticket> known = catalog.find(ticketId);
    if (known.isEmpty()
        || known.get().userId().equals(buyer)
        || orderId.equals(known.get().orderId())) {
      return; // the seller is told why below; a repeated request of the holding order answered
    }
    if (catalog.isTaken(ticketId) || standing.heldByAnother(attemptKey(known.get()), orderId)) {
      throw refused("taken", "Ticket is already reserved");
    }
  }

  /**
   * The ticket, if this buyer may have it: most buyers of a taken ticket are refused here with one
   * read, shared by all who ask at the same moment. The workflow still decides.
   */
  private Ticket refuseUnavailable(UserId buyer, TicketId ticketId, OrderId orderId) {
    Ticket ticket =
        ticketReads
            .get(ticketId, () -> tickets.find(ticketId.value()))
            .orElseThrow(ApiException::notFound);
    catalog.read(ticket); // the store's word: a catalog a lost announcement left behind catches up
    if (ticket.userId().equals(buyer)) {
      throw refused("own_ticket", "You cannot buy your own ticket");
    }
    if (orderId.equals(ticket.orderId())) {
      return ticket; // this order holds it already: a repeated request
    }
    if (ticket.status() != TicketStatus.AVAILABLE) {
      throw refused("taken", "Ticket is already reserved");
    }
    if (ticket.hasTakenPlace(Instant.now())) {
      throw refused("event_passed", "Event has already taken place");
    }
    return ticket;
  }

  /**
   * The attempt at this version of the ticket that stands, across every API process: a rush's
   * losers are refused at once instead of waiting for the winner's workflow, and start none.
   */
  private Tickets.Attempt firstAttempt(Ticket ticket, OrderId orderId) {
    String key = attemptKey(ticket);
    Tickets.Attempt first =
        attempts.get(key, () -> tickets.attempt(ticket.id(), ticket.version(), orderId));
    standing.heard(key, first);
    return first;
  }

  private static String attemptKey(Ticket ticket) {
    return ticket.id() + ":" + ticket.version();
  }

  /** The order, if the caller bought it: 404 for an unknown one, 401 for someone else's. */
  public Order ownOrder(String id, CurrentUser caller) {
    Order order = orders.find(id).orElseThrow(ApiException::notFound);
    if (!order.userId().equals(caller.id())) {
      throw ApiException.notAuthorized();
    }
    return order;
  }

  void cancel(Order order, UserId requester) {
    refuseCancellingCompleted(order);
    if (order.status() != OrderStatus.CANCELLED && !workflows.cancel(order.id(), requester)) {
      Order now = closedSinceRead(order, "Order cannot be cancelled now");
      refuseCancellingCompleted(now);
    }
    released(order);
  }

  public PaymentId pay(Order order, UserId buyer, String token) {
    refuseUnpayable(order);
    try {
      Optional<PaymentId> paid = workflows.pay(order.id(), buyer, token);
      if (paid.isEmpty()) {
        refuseUnpayable(closedSinceRead(order, "Order cannot be paid now"));
      }
      return paid.orElseThrow();
    } catch (RuntimeException failed) {
      released(order); // a declined card closes the order: the ticket may be for sale again
      throw failed;
    }
  }

  /** What this process knows of the order's ticket is no reason to refuse its next buyer. */
  private void released(Order order) {
    catalog.released(order.ticket().id());
    standing.forget(order.ticket().id());
  }

  /**
   * The order as stored now that its workflow has ended. Still open, it is one an operator ended by
   * hand (terminate runs no compensation): nothing here can change it any more.
   */
  private Order closedSinceRead(Order order, String refusal) {
    Order now = orders.find(order.id().value()).orElse(order);
    if (!now.status().isClosed()) {
      throw new ApiException(HttpStatus.CONFLICT, List.of(ApiError.of(refusal)));
    }
    return now;
  }

  /**
   * A refused reservation, counted in {@code ticketing_reservations_refused_total{reason}}: {@code
   * taken} (reserved or sold, or another buyer's attempt came first), {@code own_ticket}, {@code
   * event_passed}, or {@code workflow} (the order workflow refused it).
   */
  private static ApiException refused(String reason, String message) {
    count(reason);
    return ApiException.badRequest(message);
  }

  private static void count(String reason) {
    Metrics.counter("ticketing.reservations.refused", "reason", reason).increment();
  }

  private static void refuseCancellingCompleted(Order order) {
    if (order.status() == OrderStatus.COMPLETE) {
      throw ApiException.badRequest("Cannot cancel a completed order");
    }
  }

  private static void refuseUnpayable(Order order) {
    if (order.status() == OrderStatus.CANCELLED) {
      throw ApiException.badRequest("Cannot pay for a cancelled order");
    }
    if (order.status() == OrderStatus.COMPLETE) {
      throw ApiException.badRequest("Order has already been paid");
    }
  }

  private static OrderId newOrderId() {
    return new OrderId(new ObjectId().toHexString());
  }

  /** The order id a buyer's Idempotency-Key stands for, so every repeat reaches one workflow. */
  private static OrderId keyedOrderId(UserId buyer, String key) {
    return new OrderId(Sha256.idOf(buyer.value() + ":" + key));
  }
}
