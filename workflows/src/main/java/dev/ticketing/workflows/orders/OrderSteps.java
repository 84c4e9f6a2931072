package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.ActivityStubs.patient;
import static dev.ticketing.workflows.ActivityStubs.quick;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.Charge;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.PaymentActivities;
import dev.ticketing.workflows.payments.StripePayment;
import dev.ticketing.workflows.tickets.Reservation;
import dev.ticketing.workflows.tickets.TicketActivities;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The activities of the order workflow, one method for each step it takes, with how long each may
 * take.
 */
final class OrderSteps {

  // Once a transition is decided it must land, so store writes retry without a limit.
  private final OrderActivities orders = quick(OrderActivities.class, TaskQueues.ORDERS, null);
  private final TicketActivities tickets = quick(TicketActivities.class, TaskQueues.TICKETS, null);
  private final PaymentActivities settlements =
      quick(PaymentActivities.class, TaskQueues.PAYMENTS, null);

  // The buyer waits on these, so they are bounded: a reservation that can't land is undone, and a
  // charge that never answers fails the payment (and is undone, should Stripe have charged).
  private final TicketActivities reservations =
      quick(TicketActivities.class, TaskQueues.TICKETS, Duration.ofSeconds(20));
  private final OrderActivities newOrders =
      quick(OrderActivities.class, TaskQueues.ORDERS, Duration.ofSeconds(20));
  private final PaymentActivities charges =
      quick(PaymentActivities.class, TaskQueues.PAYMENTS, Duration.ofSeconds(60));
  // Stripe keeps an idempotency key at least 24 hours: the undo asks the charge's key well within.
  private final PaymentActivities chargeUndo =
      patient(PaymentActivities.class, TaskQueues.PAYMENTS, Duration.ofHours(20));

  Reservation holdTicket(Purchase purchase) {
    return reservations.reserve(purchase.ticketId(), purchase.orderId(), purchase.buyerId());
  }

  Order recordNew(Order order) {
    return newOrders.create(order);
  }

  /** Undoes a reservation that could not land: the order, and the ticket's hold should it have. */
  void forgetReservation(Purchase purchase) {
    orders.cancel(purchase.orderId(), CancellationReason.CANCELLED);
    tickets.release(purchase.ticketId(), purchase.orderId());
  }

  Order startPayment(OrderId order) {
    return orders.startPayment(order);
  }

  Charge charge(ChargeRequest attempt) {
    return charges.charge(attempt);
  }

  Promise<Void> startUndo(ChargeRequest attempt) {
    return Async.procedure(chargeUndo::undoCharge, attempt);
  }

  PaymentId record(StripePayment payment) {
    return settlements.record(payment);
  }

  void refund(StripePayment payment) {
    settlements.refund(payment);
  }

  Order recordPaid(OrderId order, PaymentId payment) {
    return orders.complete(order, payment);
  }

  void markSold(TicketId ticket, OrderId order) {
    tickets.markSold(ticket, order);
  }

  UserId sellerOf(TicketId ticket) {
    return tickets.sellerOf(ticket);
  }

  void release(TicketId ticket, OrderId order) {
    tickets.release(ticket, order);
  }

  Promise<Void> startRelease(TicketId ticket, OrderId order) {
    return Async.procedure(tickets::release, ticket, order);
  }

  @Nullable Order recordCancelled(OrderId order, CancellationReason reason) {
    return orders.cancel(order, reason);
  }
}
