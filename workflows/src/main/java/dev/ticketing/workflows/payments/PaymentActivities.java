package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.PaymentId;
import io.temporal.activity.ActivityInterface;

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
}
