package dev.ticketing.payments;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.StripePayment;
import java.util.Map;
import java.util.Optional;

/** Reads Stripe's webhook calls: checks their signature, and finds the payments they report. */
public final class StripeWebhooks {

  /** A webhook call whose signature does not match the secret. */
  public static final class BadSignature extends RuntimeException {
    BadSignature(String message) {
      super(message);
    }
  }

  /** A verified event: its id, and the succeeded payment it reports for one of our orders. */
  public record Notification(String eventId, Optional<StripePayment> payment) {}

  private final String secret;

  public StripeWebhooks(String secret) {
    this.secret = secret;
  }

  public Notification read(String payload, String signature) {
    Event event;
    try {
      event = Webhook.constructEvent(payload, signature, secret);
    } catch (SignatureVerificationException e) {
      throw new BadSignature("Invalid Stripe signature");
    } catch (RuntimeException e) {
      throw new BadSignature("Invalid Stripe event");
    }
    return new Notification(event.getId(), succeededPayment(event));
  }

  private static Optional<StripePayment> succeededPayment(Event event) {
    if (!"payment_intent.succeeded".equals(event.getType())) {
      return Optional.empty();
    }
    try {
      if (!(event.getDataObjectDeserializer().deserializeUnsafe()
          instanceof PaymentIntent intent)) {
        return Optional.empty();
      }
      Map<String, String> metadata = intent.getMetadata();
      if (metadata == null
          || !metadata.containsKey("orderId")
          || !metadata.containsKey("buyerId")) {
        return Optional.empty();
      }
      return Optional.of(
          new StripePayment(
              intent.getId(),
              new OrderId(metadata.get("orderId")),
              new UserId(metadata.get("buyerId")),
              intent.getAmount(),
              intent.getCurrency()));
    } catch (EventDataObjectDeserializationException e) {
      return Optional.empty();
    }
  }
}
