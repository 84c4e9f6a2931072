package dev.ticketing.payments;

import dev.ticketing.store.Sha256;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.UserId;
import java.time.Instant;

/**
 * One attempt to take money for an order, as Stripe answered it. Its id derives from Stripe's
 * PaymentIntent (or, for an attempt Stripe refused before making one, from the attempt's key), so
 * recording the same payment twice stores it once.
 */
public record Payment(
    PaymentId id,
    OrderId orderId,
    UserId userId,
    String stripeId,
    long amount,
    String currency,
    PaymentStatus status,
    Instant createdAt,
    long version) {

  /** Refunded in full; refunding it again changes nothing. */
  Payment refunded() {
    return new Payment(
        id,
        orderId,
        userId,
        stripeId,
        amount,
        currency,
        PaymentStatus.REFUNDED,
        createdAt,
        version);
  }

  /** The payment id for a PaymentIntent or an attempt key: the first 12 bytes of its SHA-256. */
  public static PaymentId idFor(String key) {
    return new PaymentId(Sha256.idOf(key));
  }
}
