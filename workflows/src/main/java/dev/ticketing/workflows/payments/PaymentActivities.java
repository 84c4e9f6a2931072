package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.TaskQueues;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Stripe and the payments store, as the workflows use them. Every method is safe to retry. */
@ActivityInterface(namePrefix = "Payment")
public interface PaymentActivities {

  /**
   * Charges once per idempotency key and records the payment, succeeded or failed. A declined card
   * is rejected with {@code PAYMENT_DECLINED}, an unusable token with {@code INVALID}, both with
   * Stripe's message.
   */
  Charge charge(ChargeRequest request);

  /**
   * For a charge whose answer never came back: makes sure it takes no money any more, and refunds
   * (and records as refunded) the money it did take.
   */
  void undoCharge(ChargeRequest request);

  /** Records a payment Stripe made for an open order outside our own charge. */
  PaymentId record(StripePayment payment);

  /** Refunds a payment once and records it as refunded. */
  void refund(StripePayment payment);

  /**
   * For workflows: the activities, retried at most a minute apart for as long as Stripe is away, or
   * until {@code bound}.
   */
  static PaymentActivities outlastingStripe(@Nullable Duration bound) {
    var options =
        ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.PAYMENTS)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(
                RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build());
    if (bound != null) {
      options.setScheduleToCloseTimeout(bound);
    }
    return Workflow.newActivityStub(PaymentActivities.class, options.build());
  }
}
