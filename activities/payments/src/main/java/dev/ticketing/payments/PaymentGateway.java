package dev.ticketing.payments;

import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where money is taken: Stripe, or the offline sandbox that answers as Stripe's test mode does.
 * Failures other than {@link Refused} (network, Stripe's own errors) are worth retrying.
 */
public interface PaymentGateway {

  /** A charge to make once: Stripe keys it by {@code idempotencyKey}. */
  record ChargeOrder(
      long amount,
      String currency,
      String paymentMethod,
      String idempotencyKey,
      Map<String, String> metadata) {}

  /** Creates and confirms a PaymentIntent for the order; answers its id. */
  String charge(ChargeOrder order);

  /**
   * For a charge whose answer never came: makes sure nothing under its idempotency key takes money
   * any more, and answers its PaymentIntent if it already had.
   */
  Optional<String> stopCharge(ChargeOrder order);

  /**
   * Refunds a PaymentIntent in full, once per key; answers the refund's id, or the intent's when it
   * was refunded already (in Stripe's dashboard, say).
   */
  String refund(String paymentIntentId, String idempotencyKey);

  /** Stripe would not take the payment: a declined card, or a payment method it can't use. */
  final class Refused extends RuntimeException {
    private final boolean declined;
    private final @Nullable String paymentIntentId;

    public Refused(String message, boolean declined, @Nullable String paymentIntentId) {
      super(message);
      this.declined = declined;
      this.paymentIntentId = paymentIntentId;
    }

    public boolean declined() {
      return declined;
    }

    public @Nullable String paymentIntentId() {
      return paymentIntentId;
    }
  }
}
