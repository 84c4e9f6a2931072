package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.ActivityStubs.patient;
import static dev.ticketing.workflows.ActivityStubs.quick;
import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.NOT_AUTHORIZED;
import static dev.ticketing.workflows.Rejection.NOT_FOUND;
import static dev.ticketing.workflows.Rejection.UNAVAILABLE;
import static dev.ticketing.workflows.orders.OrderStatus.AWAITING_PAYMENT;
import static dev.ticketing.workflows.orders.OrderStatus.CANCELLED;
import static dev.ticketing.workflows.orders.OrderStatus.COMPLETE;
import static dev.ticketing.workflows.orders.OrderStatus.CREATED;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.Charge;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.PaymentActivities;
import dev.ticketing.workflows.payments.StripePayment;
import dev.ticketing.workflows.payouts.PayoutRequest;
import dev.ticketing.workflows.payouts.PayoutWorkflow;
import dev.ticketing.workflows.tickets.Reservation;
import dev.ticketing.workflows.tickets.TicketActivities;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import org.jspecify.annotations.Nullable;

public class OrderWorkflowImpl implements OrderWorkflow {

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

  // Versions this class's changes of behaviour, so orders started before each still replay.
  private static final String EXPIRY_DECIDED_LAST = "expiry-decided-after-payments";
  private static final String RELEASE_ALONGSIDE_CANCEL = "release-alongside-cancel";
  private static final String UNDO_UNANSWERED_CHARGE = "undo-unanswered-charge";
  private static final String PAYOUT_ON_COMPLETION = "payout-on-completion";

  private final Purchase purchase;
  private @Nullable Order order;
  private @Nullable ApplicationFailure rejection;
  private @Nullable String paidWith;
  private boolean charging;
  private boolean closed;
  private int chargeAttempts;
  private boolean expiryDecidedLast;
  private boolean releaseAlongsideCancel;
  private boolean undoesUnansweredCharges;
  private @Nullable Promise<Void> chargeUndone;

  @WorkflowInit
  public OrderWorkflowImpl(Purchase purchase) {
    this.purchase = purchase;
  }

  // The purchase came to the constructor already (@WorkflowInit), for handlers that run first.
  @Override
  public void run(Purchase sameAsConstructed) {
    expiryDecidedLast = Workflow.getVersion(EXPIRY_DECIDED_LAST, Workflow.DEFAULT_VERSION, 1) == 1;
    releaseAlongsideCancel =
        Workflow.getVersion(RELEASE_ALONGSIDE_CANCEL, Workflow.DEFAULT_VERSION, 1) == 1;
    undoesUnansweredCharges =
        Workflow.getVersion(UNDO_UNANSWERED_CHARGE, Workflow.DEFAULT_VERSION, 1) == 1;
    if (!reserveTicket()) {
      return;
    }
    try {
      Duration window = Duration.between(now(), order().expiresAt());
      boolean settled =
          Workflow.await(
              window.isNegative() ? Duration.ZERO : window,
              () -> charging || order().status() != CREATED);
      // A payment handled in the workflow task that fired the timer ran first, and decides.
      boolean unpaid = expiryDecidedLast ? !charging && order().status() == CREATED : !settled;
      if (unpaid) {
        close(CancellationReason.EXPIRED);
      }
      Workflow.await(() -> closed && Workflow.isEveryHandlerFinished());
      awaitChargeUndone();
    } catch (CanceledFailure operatorCancel) {
      // A charge in flight decides first: money taken completes the order, a decline closes it.
      Workflow.newDetachedCancellationScope(
              () -> {
                Workflow.await(() -> !charging);
                if (!order().status().isClosed()) {
                  close(CancellationReason.CANCELLED);
                }
                awaitChargeUndone();
              })
          .run();
      throw operatorCancel;
    }
  }

  @Override
  public Order reserve(TicketId ticketId) {
    Workflow.await(this::reservationSettled);
    if (rejection != null) {
      throw Rejection.copy(rejection);
    }
    return order();
  }

  @Override
  public void validateReserve(TicketId ticketId) {
    Rejection.validate(() -> {
      if (!purchase.ticketId().equals(ticketId)) {
        throw INVALID.failure("Idempotency-Key was used with a different request");
      }
    });
  }

  @Override
  public PaymentId pay(PayRequest request) {
    Workflow.await(() -> !charging && reservationSettled());
    Order payable = ensurePayable(request.buyerId());
    charging = true;
    try {
      var paid = new ArrayList<PaymentId>(1);
      Workflow.newDetachedCancellationScope(() -> paid.add(charge(payable, request.token()))).run();
      return paid.getFirst();
    } finally {
      charging = false;
    }
  }

  /** Charges once and completes the order, or closes it; nothing cancels it half way. */
  private PaymentId charge(Order payable, String token) {
    @Nullable ChargeRequest attempt = null;
    try {
      order = orders.startPayment(payable.id());
      upsertStatus();
      if (expiryDecidedLast && order().status() != AWAITING_PAYMENT) {
        throw INVALID.failure("Cannot pay for a cancelled order");
      }
      String idempotencyKey = payable.id() + "-charge-" + ++chargeAttempts;
      attempt =
          new ChargeRequest(
              payable.id(),
              payable.ticket().id(),
              payable.userId(),
              payable.ticket().price(),
              token,
              idempotencyKey);
      Charge charge = charges.charge(attempt);
      complete(charge.paymentId(), charge.paymentIntentId());
      return charge.paymentId();
    } catch (ActivityFailure failure) {
      ApplicationFailure refusal = Rejection.in(failure).orElse(null);
      if (refusal == null && attempt != null && undoesUnansweredCharges) {
        // Stripe may have charged all the same. Started now, in the charge's detached scope, the
        // undo runs alongside the close and outlives a cancellation of the workflow.
        chargeUndone = Async.procedure(chargeUndo::undoCharge, attempt);
      }
      close(CancellationReason.PAYMENT_FAILED);
      throw Rejection.copy(refusal != null ? refusal : UNAVAILABLE.failure("Service unavailable"));
    }
  }

  /**
   * Waits for the undo of a charge that never answered, if there was one. Should Stripe not tell
   * within its bound, the workflow fails, for an operator to look the charge up in Stripe.
   */
  private void awaitChargeUndone() {
    Promise<Void> undone = chargeUndone;
    if (undone != null) {
      Workflow.await(undone::isCompleted); // cancellable, unless in a detached scope
      undone.get();
    }
  }

  @Override
  public void validatePay(PayRequest request) {
    if (reservationSettled() && !charging) {
      Rejection.validate(() -> ensurePayable(request.buyerId()));
    }
  }

  @Override
  public void cancel(UserId requester) {
    Workflow.await(() -> !charging && reservationSettled());
    if (ensureCancellable(requester).status() == CANCELLED) {
      Workflow.await(() -> closed);
      return;
    }
    close(CancellationReason.CANCELLED);
  }

  @Override
  public void validateCancel(UserId requester) {
    if (reservationSettled() && !charging) {
      Rejection.validate(() -> ensureCancellable(requester));
    }
  }

  @Override
  public void paymentSucceeded(StripePayment payment) {
    Workflow.await(() -> !charging && reservationSettled());
    if (payment.paymentIntentId().equals(paidWith)) {
      return;
    }
    if (order != null
        && order.status() == CREATED
        && !(expiryDecidedLast && isPastExpiry(order))
        && payment.amount() == order.ticket().price().cents()) {
      charging = true;
      try {
        Workflow.newDetachedCancellationScope(
                () -> complete(settlements.record(payment), payment.paymentIntentId()))
            .run();
      } finally {
        charging = false;
      }
      return;
    }
    settlements.refund(payment);
  }

  @Override
  public @Nullable Order details() {
    return order;
  }

  private boolean reserveTicket() {
    try {
      Reservation reserved =
          reservations.reserve(purchase.ticketId(), purchase.orderId(), purchase.buyerId());
      var ticket =
          new Order.Ticket(
              reserved.ticketId(),
              reserved.title(),
              reserved.price(),
              reserved.version(),
              reserved.sellerId(),
              reserved.eventAt());
      Instant createdAt = now();
      order =
          newOrders.create(
              new Order(
                  purchase.orderId(),
                  purchase.buyerId(),
                  CREATED,
                  createdAt.plus(purchase.expiration()),
                  0,
                  ticket,
                  null,
                  createdAt));
      Workflow.upsertMemo(Map.of("title", ticket.title(), "price", ticket.price().amount()));
      upsertStatus();
      return true;
    } catch (ActivityFailure failure) {
      ApplicationFailure reason = Rejection.in(failure).orElse(null);
      if (reason == null) {
        Workflow.newDetachedCancellationScope(
                () -> {
                  orders.cancel(purchase.orderId(), CancellationReason.CANCELLED);
                  tickets.release(purchase.ticketId(), purchase.orderId());
                })
            .run();
        reason = UNAVAILABLE.failure("Service unavailable");
      }
      upsertSearchAttributes(REJECTED);
      rejection = reason;
      return false;
    }
  }

  private void complete(PaymentId paymentId, String paymentIntentId) {
    paidWith = paymentIntentId;
    order = orders.complete(order().id(), paymentId);
    upsertStatus();
    tickets.markSold(order().ticket().id(), order().id());
    if (Workflow.getVersion(PAYOUT_ON_COMPLETION, Workflow.DEFAULT_VERSION, 1) == 1) {
      startPayout(paymentIntentId);
    }
    closed = true;
  }

  /**
   * Starts the seller's payout as a child that outlives this workflow. A child, not a start from an
   * activity: its start is recorded in this history, once, and Temporal links the two in the Web
   * UI; the order waits until it has started, so ending cannot lose it.
   */
  private void startPayout(String paymentIntentId) {
    Order.Ticket ticket = order().ticket();
    UserId seller = ticket.sellerId() != null ? ticket.sellerId() : tickets.sellerOf(ticket.id());
    var request =
        new PayoutRequest(
            order().id(),
            ticket.id(),
            seller,
            ticket.price(),
            ticket.eventAt(),
            now(),
            paymentIntentId);
    PayoutWorkflow payout =
        Workflow.newChildWorkflowStub(PayoutWorkflow.class, PayoutWorkflow.asChildOf(request));
    Async.procedure(payout::run, request);
    try {
      Workflow.getWorkflowExecution(payout).get();
    } catch (ChildWorkflowFailure alreadyStarted) {
      // this order's payout runs already (a workflow reset and run again): one payout per order
    }
  }

  /**
   * Cancels the order and releases its ticket; runs to the end even if the workflow is cancelled.
   */
  private void close(CancellationReason reason) {
    order = order().cancelled(reason);
    upsertStatus();
    TicketId ticket = order().ticket().id();
    OrderId id = order().id();
    Workflow.newDetachedCancellationScope(
            () -> {
              if (releaseAlongsideCancel) { // the ticket is for sale again without waiting
                Promise<Void> released = Async.procedure(tickets::release, ticket, id);
                recordCancelled(reason);
                released.get();
              } else {
                recordCancelled(reason);
                tickets.release(ticket, id);
              }
            })
        .run();
    closed = true;
  }

  private void recordCancelled(CancellationReason reason) {
    Order cancelled = orders.cancel(order().id(), reason);
    order = cancelled == null ? order : cancelled;
  }

  private Order ensurePayable(UserId buyer) {
    Order payable = ensureBuyer(buyer);
    if (payable.status() == COMPLETE) {
      throw INVALID.failure("Order has already been paid");
    }
    if (payable.status() == CANCELLED || (expiryDecidedLast && isPastExpiry(payable))) {
      throw INVALID.failure("Cannot pay for a cancelled order");
    }
    return payable;
  }

  /** Its window is over, though the expiry may not have closed it yet in this workflow task. */
  private static boolean isPastExpiry(Order order) {
    return !now().isBefore(order.expiresAt());
  }

  private Order ensureCancellable(UserId requester) {
    Order cancellable = ensureBuyer(requester);
    if (cancellable.status() == COMPLETE) {
      throw INVALID.failure("Cannot cancel a completed order");
    }
    return cancellable;
  }

  private Order ensureBuyer(UserId user) {
    if (order == null) {
      throw NOT_FOUND.failure("Not Found");
    }
    if (!order.userId().equals(user)) {
      throw NOT_AUTHORIZED.failure("Not authorized");
    }
    return order;
  }

  private boolean reservationSettled() {
    return order != null || rejection != null;
  }

  private Order order() {
    if (order == null) {
      throw new IllegalStateException("The order is read before its ticket was reserved");
    }
    return order;
  }

  private void upsertStatus() {
    upsertSearchAttributes(order().status().value());
  }

  private void upsertSearchAttributes(String status) {
    Workflow.upsertTypedSearchAttributes(
        ORDER_STATUS.valueSet(status),
        TICKET_ID.valueSet(purchase.ticketId().value()),
        BUYER_ID.valueSet(purchase.buyerId().value()));
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
