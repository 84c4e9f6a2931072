package dev.ticketing.payments;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.UserId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import org.bson.types.ObjectId;

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
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return new PaymentId(new ObjectId(Arrays.copyOf(digest, 12)).toHexString());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every JDK has SHA-256", e);
    }
  }
}
