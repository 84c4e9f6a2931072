package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.NOT_AUTHORIZED;
import static dev.ticketing.workflows.Rejection.NOT_FOUND;
import static dev.ticketing.workflows.Rejection.UNAVAILABLE;
import static dev.ticketing.workflows.orders.OrderStage.AWAITING_PAYMENT;
import static dev.ticketing.workflows.orders.OrderStage.CANCELLED;
import static dev.ticketing.workflows.orders.OrderStage.CANCELLING;
import static dev.ticketing.workflows.orders.OrderStage.PAYING;
import static dev.ticketing.workflows.orders.OrderStage.RESERVING;
import static dev.ticketing.workflows.orders.OrderStage.STUCK;

import dev.ticketing.workflows.ChildStart;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.Timers;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.notifications.EmailWorkflow;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.payments.Charge;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.StripePayment;
import dev.ticketing.workflows.payouts.PayoutRequest;
import dev.ticketing.workflows.payouts.PayoutWorkflow;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The purchase, as the {@link OrderStage}s it moves through: reserve the ticket, wait for a
 * payment, a cancel or the expiry, and close. Each move shows in the Web UI's current details.
 */
public class OrderWorkflowImpl implements OrderWorkflow {

  private final OrderSteps steps = new OrderSteps();
  private final Purchase purchase;
  private OrderStage stage = RESERVING;
  private @Nullable OrderVersions versions;
  private @Nullable Order order;
  private @Nullable ApplicationFailure rejection;
  private @Nullable String paidWith;
  private @Nullable PayoutRequest payout;
  private int chargeAttempts;
  private @Nullable Promise<Void> chargeUndone;

  @WorkflowInit
  public OrderWorkflowImpl(Purchase purchase) {
    this.purchase = purchase;
  }

  // The purchase came to the constructor already (@WorkflowInit), for handlers that run first.
  @Override
  public void run(Purchase sameAsConstructed) {
    versions = OrderVersions.ofThisRun();
    show();
    if (!reserveTicket()) {
      return;
    }
    try {
      boolean settled =
          Timers.await(
              untilExpiry(), OrderWording.paymentWindow(order()), () -> stage != AWAITING_PAYMENT);
      // A payment handled in the workflow task that fired the timer ran first, and decides.
      if (versions().expiryDecidedLast() ? stage == AWAITING_PAYMENT : !settled) {
        close(CancellationReason.EXPIRED);
      }
      Workflow.await(() -> stage.isClosed() && Workflow.isEveryHandlerFinished());
      awaitChargeUndone();
    } catch (CanceledFailure operatorCancel) {
      // A charge in flight decides first: money taken completes the order, a decline closes it.
      // So does a close in flight (the buyer's cancel): its release and record land first.
      Workflow.newDetachedCancellationScope(
              () -> {
                Workflow.await(() ->
                    stage != PAYING
                        && !(versions().operatorCancelAwaitsClose() && stage == CANCELLING));
                if (stage == AWAITING_PAYMENT) {
                  close(CancellationReason.CANCELLED);
                }
                awaitChargeUndone();
                if (versions().refundOutlivesCancel()) {
                  Workflow.await(Workflow::isEveryHandlerFinished); // a refund of Stripe's payment
                }
              })
          .run();
      throw operatorCancel;
    }
  }

  @Override
  public Order reserve(TicketId ticketId) {
    Workflow.await(() -> stage != RESERVING);
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
    Workflow.await(() -> stage.takesRequests());
    Order payable = ensurePayable(request.buyerId());
    return takePayment(() -> charge(payable, request.token()));
  }

  @Override
  public void validatePay(PayRequest request) {
    if (stage.takesRequests()) {
      Rejection.validate(() -> ensurePayable(request.buyerId()));
    }
  }

  @Override
  public void cancel(UserId requester) {
    Workflow.await(() -> stage.takesRequests());
    if (ensureCancellable(requester).status() == OrderStatus.CANCELLED) {
      Workflow.await(() -> stage.isClosed()); // cancelled already, or being: answered once it is
      return;
    }
    close(CancellationReason.CANCELLED);
  }

  @Override
  public void validateCancel(UserId requester) {
    if (stage.takesRequests()) {
      Rejection.validate(() -> ensureCancellable(requester));
    }
  }

  @Override
  public void paymentSucceeded(StripePayment payment) {
    Workflow.await(() -> stage.takesRequests());
    if (payment.paymentIntentId().equals(paidWith)) {
      return;
    }
    if (stage == AWAITING_PAYMENT
        && !(versions().expiryDecidedLast() && isPastExpiry(order()))
        && payment.amount() == order().ticket().price().cents()) {
      takePayment(() -> complete(steps.record(payment), payment.paymentIntentId()));
      return;
    }
    refund(payment);
  }

  /**
   * Gives back a payment Stripe took that this order can't: since {@code refund-outlives-cancel} to
   * the end, though an operator cancels the workflow meanwhile, which waits for it; before, the
   * cancel cut the refund off, and the webhook that asked for it had been answered.
   */
  private void refund(StripePayment payment) {
    if (versions().refundOutlivesCancel()) {
      Workflow.newDetachedCancellationScope(() -> steps.refund(payment)).run();
    } else {
      steps.refund(payment);
    }
  }

  @Override
  public @Nullable Order details() {
    return order;
  }

  private boolean reserveTicket() {
    try {
      var ticket = Order.Ticket.of(steps.holdTicket(purchase));
      Instant createdAt = now();
      order =
          steps.recordNew(
              new Order(
                  purchase.orderId(),
                  purchase.buyerId(),
                  OrderStatus.CREATED,
                  createdAt.plus(purchase.expiration()),
                  0,
                  ticket,
                  null,
                  createdAt));
      Workflow.upsertMemo(Map.of("title", ticket.title(), "price", ticket.price().amount()));
      upsertStatus();
      moveTo(AWAITING_PAYMENT);
      return true;
    } catch (ActivityFailure failure) {
      ApplicationFailure reason = Rejection.in(failure).orElse(null);
      if (reason != null) {
        reject(reason);
      } else if (versions().forgetsAfterLateWrites()) {
        reject(UNAVAILABLE.failure("Service unavailable")); // the buyer hears it at once
        Workflow.newDetachedCancellationScope(
                () -> {
                  steps.awaitLateWrites();
                  steps.forgetReservation(purchase);
                })
            .run();
      } else {
        Workflow.newDetachedCancellationScope(() -> steps.forgetReservation(purchase)).run();
        reject(UNAVAILABLE.failure("Service unavailable"));
      }
      return false;
    }
  }

  private void reject(ApplicationFailure reason) {
    upsertSearchAttributes(REJECTED);
    rejection = reason;
    moveTo(OrderStage.REJECTED);
  }

  /**
   * Runs a payment to its end in a detached scope, so that nothing cancels it half way; requests
   * wait their turn meanwhile. It leaves the order paid, cancelled, or where it was.
   */
  private <T> T takePayment(Supplier<T> payment) {
    moveTo(PAYING);
    try {
      var outcome = new ArrayList<T>(1);
      Workflow.newDetachedCancellationScope(() -> outcome.add(payment.get())).run();
      return outcome.getFirst();
    } finally {
      if (stage == PAYING) {
        moveTo(OrderStage.afterPayment(order().status()));
      }
    }
  }

  /** Charges once and completes the order, or closes it. */
  private PaymentId charge(Order payable, String token) {
    @Nullable ChargeRequest attempt = null;
    try {
      order = steps.startPayment(payable.id());
      upsertStatus();
      if (versions().expiryDecidedLast() && order().status() != OrderStatus.AWAITING_PAYMENT) {
        moveTo(order().status().isClosed() ? STUCK : AWAITING_PAYMENT);
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
      Charge charge = steps.charge(attempt, chargeAttempts);
      return complete(charge.paymentId(), charge.paymentIntentId());
    } catch (ActivityFailure failure) {
      ApplicationFailure refusal = Rejection.in(failure).orElse(null);
      if (refusal == null && attempt != null && versions().undoesUnansweredCharges()) {
        // Stripe may have charged all the same. Started now, in the charge's detached scope, the
        // undo runs alongside the close and outlives a cancellation of the workflow.
        chargeUndone = steps.startUndo(attempt);
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
      show();
      undone.get();
    }
  }

  /**
   * Records the payment, sells the ticket, starts the seller's payout and the buyer's receipt.
   * Whatever a completed purchase starts, starts here; its payment then moves the order on to
   * COMPLETED. Since {@code completes-at-once} the four go in one workflow task and the buyer waits
   * for the slowest, not for the four in turn: none needs another's outcome, each retries until it
   * lands, and the order waits for all of them before it can end.
   */
  private PaymentId complete(PaymentId paymentId, String paymentIntentId) {
    paidWith = paymentIntentId;
    if (versions().completesAtOnce()) {
      Order paying = order();
      Promise<Order> paid = steps.startRecordPaid(paying.id(), paymentId);
      Promise<Void> sold = steps.startMarkSold(paying.ticket().id(), paying.id());
      var started = new ArrayList<Promise<Void>>(List.of(sold));
      if (OrderVersions.startsPayout()) {
        started.add(startPayout(paymentIntentId));
      }
      if (OrderVersions.sendsEmails()) {
        started.add(EmailWorkflow.start(OrderNotices.receipt(paying)));
      }
      order = paid.get();
      upsertStatus();
      Promise.allOf(started).get();
      return paymentId;
    }
    order = steps.recordPaid(order().id(), paymentId);
    upsertStatus();
    steps.markSold(order().ticket().id(), order().id());
    if (OrderVersions.startsPayout()) {
      startPayout(paymentIntentId).get();
    }
    if (OrderVersions.sendsEmails()) {
      EmailWorkflow.startFrom(OrderNotices.receipt(order()));
    }
    return paymentId;
  }

  /**
   * Starts the seller's payout as a child that outlives this workflow. A child, not a start from an
   * activity: its start is recorded in this history, once, and Temporal links the two in the Web
   * UI; ready once it has started (or had, should this order have been reset and run again: one
   * payout per order), for the order to wait on so that ending cannot lose it.
   */
  private Promise<Void> startPayout(String paymentIntentId) {
    Order.Ticket ticket = order().ticket();
    UserId seller = ticket.sellerId() != null ? ticket.sellerId() : steps.sellerOf(ticket.id());
    var request =
        new PayoutRequest(
            order().id(),
            ticket.id(),
            seller,
            ticket.price(),
            ticket.eventAt(),
            now(),
            paymentIntentId,
            ticket.title());
    PayoutWorkflow child =
        Workflow.newChildWorkflowStub(PayoutWorkflow.class, PayoutWorkflow.asChildOf(request));
    Async.procedure(child::run, request);
    payout = request;
    return ChildStart.of(child);
  }

  /**
   * Cancels the order and releases its ticket, to the end even if the workflow is cancelled
   * meanwhile: an open order (expired, or cancelled by the buyer or an operator), or one whose
   * payment failed. Whatever a cancelled purchase starts, starts here.
   */
  private void close(CancellationReason reason) {
    if (stage == AWAITING_PAYMENT) {
      moveTo(CANCELLING);
    }
    order = order().cancelled(reason);
    upsertStatus();
    TicketId ticket = order().ticket().id();
    OrderId id = order().id();
    Workflow.newDetachedCancellationScope(
            () -> {
              if (versions().releaseAlongsideCancel()) { // for sale again without waiting
                Promise<Void> released = steps.startRelease(ticket, id);
                recordCancelled(reason);
                released.get();
              } else {
                recordCancelled(reason);
                steps.release(ticket, id);
              }
              tellBuyer(reason);
            })
        .run();
    // A failed payment moves on as it ends. So did one in flight when an order from before
    // EXPIRY_DECIDED_LAST expired, or another close running: the first to end moves on.
    if (stage == CANCELLING) {
      moveTo(CANCELLED);
    }
  }

  private void tellBuyer(CancellationReason reason) {
    Notice notice = OrderNotices.closed(order(), reason);
    if (notice != null && OrderVersions.sendsEmails()) {
      EmailWorkflow.startFrom(notice);
    }
  }

  private void recordCancelled(CancellationReason reason) {
    Order cancelled = steps.recordCancelled(order().id(), reason);
    order = cancelled == null ? order : cancelled;
  }

  private Order ensurePayable(UserId buyer) {
    Order payable = ensureBuyer(buyer);
    if (payable.status() == OrderStatus.COMPLETE) {
      throw INVALID.failure("Order has already been paid");
    }
    if (payable.status() == OrderStatus.CANCELLED
        || (versions().expiryDecidedLast() && isPastExpiry(payable))) {
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
    if (cancellable.status() == OrderStatus.COMPLETE) {
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

  private void moveTo(OrderStage next) {
    if (!stage.leadsTo(next)) {
      throw new IllegalStateException("Order " + purchase.orderId() + ": " + stage + " -> " + next);
    }
    stage = next;
    show();
  }

  /** The Web UI's current details: the stage, in words. No command, so replay ignores it. */
  private void show() {
    String now =
        OrderWording.now(
            stage, order, rejection == null ? null : rejection.getOriginalMessage(), payout);
    Promise<Void> undone = chargeUndone;
    Workflow.setCurrentDetails(
        undone != null && !undone.isCompleted() ? OrderWording.undoingCharge(now) : now);
  }

  private Duration untilExpiry() {
    Duration window = Duration.between(now(), order().expiresAt());
    return window.isNegative() ? Duration.ZERO : window;
  }

  private Order order() {
    if (order == null) {
      throw new IllegalStateException("The order is read before its ticket was reserved");
    }
    return order;
  }

  private OrderVersions versions() {
    if (versions == null) {
      throw new IllegalStateException("The versions are read before run() asked for them");
    }
    return versions;
  }

  private void upsertStatus() {
    upsertSearchAttributes(order().status().value());
    show();
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
