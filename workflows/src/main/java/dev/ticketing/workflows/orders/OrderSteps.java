package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.ActivityStubs.patient;
import static dev.ticketing.workflows.ActivityStubs.quick;
import static dev.ticketing.workflows.Wording.money;

import dev.ticketing.workflows.Activities;
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
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The activities of the order workflow, one method for each step it takes: how long each may take,
 * and what the Web UI's timeline calls it.
 */
final class OrderSteps {

  private static final String RELEASE = "Put the ticket back on sale";
  private static final String RECORD_PAID = "Record the order as paid";
  private static final String MARK_SOLD = "Mark the ticket sold";
  private static final Duration LATE_WRITES_LAND_WITHIN = Duration.ofSeconds(10);

  // Once a transition is decided it must land, so store writes retry without a limit.
  private final Activities<OrderActivities> orders =
      quick(OrderActivities.class, TaskQueues.ORDERS, null);
  private final Activities<TicketActivities> tickets =
      quick(TicketActivities.class, TaskQueues.TICKETS, null);
  private final Activities<PaymentActivities> settlements =
      quick(PaymentActivities.class, TaskQueues.PAYMENTS, null);

  // The buyer waits on these, so they are bounded: a reservation that can't land is undone, and a
  // charge that never answers fails the payment (and is undone, should Stripe have charged).
  private final Activities<TicketActivities> reservations =
      quick(TicketActivities.class, TaskQueues.TICKETS, Duration.ofSeconds(20));
  private final Activities<OrderActivities> newOrders =
      quick(OrderActivities.class, TaskQueues.ORDERS, Duration.ofSeconds(20));
  private final Activities<PaymentActivities> charges =
      quick(PaymentActivities.class, TaskQueues.PAYMENTS, Duration.ofSeconds(60));
  // Stripe keeps an idempotency key at least 24 hours: the undo asks the charge's key well within.
  private final Activities<PaymentActivities> chargeUndo =
      patient(PaymentActivities.class, TaskQueues.PAYMENTS, Duration.ofHours(20));

  Reservation holdTicket(Purchase purchase) {
    return reservations
        .withSummary("Hold the ticket for this order")
        .reserve(purchase.ticketId(), purchase.orderId(), purchase.buyerId(), purchase.seen());
  }

  Order recordNew(Order order) {
    return newOrders.withSummary("Record the order").create(order);
  }

  /**
   * Waits until a hold or an order record of an attempt Temporal gave up on has landed, if it was
   * to: such a write is sent only before its attempt's deadline (AttemptDeadline) and lands within
   * the stores' read timeout (8 s), so what is undone after this stays undone.
   */
  void awaitLateWrites() {
    Workflow.newTimer(
            LATE_WRITES_LAND_WITHIN,
            TimerOptions.newBuilder().setSummary("Let a late hold or order record land").build())
        .get();
  }

  /** Undoes a reservation that could not land: the order, and the ticket's hold should it have. */
  void forgetReservation(Purchase purchase) {
    orders
        .withSummary("Cancel the order the ticket could not be held for")
        .cancel(purchase.orderId(), CancellationReason.CANCELLED);
    tickets
        .withSummary("Release the ticket, should the hold have landed")
        .release(purchase.ticketId(), purchase.orderId());
  }

  Order startPayment(OrderId order) {
    return orders.withSummary("Mark the order awaiting payment").startPayment(order);
  }

  Charge charge(ChargeRequest attempt, int number) {
    return charges
        .withSummary("Charge the card " + money(attempt.amount()) + ", attempt " + number)
        .charge(attempt);
  }

  Promise<Void> startUndo(ChargeRequest attempt) {
    return Async.procedure(
        chargeUndo.withSummary("Undo the charge that never answered")::undoCharge, attempt);
  }

  PaymentId record(StripePayment payment) {
    return settlements.withSummary("Record the payment made on Stripe").record(payment);
  }

  void refund(StripePayment payment) {
    settlements
        .withSummary("Refund " + money(payment.amount(), payment.currency()) + " it can't take")
        .refund(payment);
  }

  Order recordPaid(OrderId order, PaymentId payment) {
    return orders.withSummary(RECORD_PAID).complete(order, payment);
  }

  Promise<Order> startRecordPaid(OrderId order, PaymentId payment) {
    return Async.function(orders.withSummary(RECORD_PAID)::complete, order, payment);
  }

  void markSold(TicketId ticket, OrderId order) {
    tickets.withSummary(MARK_SOLD).markSold(ticket, order);
  }

  Promise<Void> startMarkSold(TicketId ticket, OrderId order) {
    return Async.procedure(tickets.withSummary(MARK_SOLD)::markSold, ticket, order);
  }

  UserId sellerOf(TicketId ticket) {
    return tickets.withSummary("Look up the ticket's seller").sellerOf(ticket);
  }

  void release(TicketId ticket, OrderId order) {
    tickets.withSummary(RELEASE).release(ticket, order);
  }

  Promise<Void> startRelease(TicketId ticket, OrderId order) {
    return Async.procedure(tickets.withSummary(RELEASE)::release, ticket, order);
  }

  @Nullable Order recordCancelled(OrderId order, CancellationReason reason) {
    return orders
        .withSummary("Record the order as " + OrderWording.cancelled(reason))
        .cancel(order, reason);
  }
}
