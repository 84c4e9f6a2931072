package dev.ticketing.payments;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Account;
import com.stripe.model.Charge;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeObject;
import com.stripe.net.Webhook;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.StripePayment;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Reads Stripe's webhook calls: checks their signature, and finds the payments they report. */
public final class StripeWebhooks {

  /** A webhook call whose signature does not match the secret. */
  public static final class BadSignature extends RuntimeException {
    BadSignature(String message) {
      super(message);
    }
  }

  /**
   * A verified event: its id, and what it reports: a succeeded payment for one of our orders, a
   * dispute of a payment's charge opened or closed, a refunded payment, or a connected account.
   */
  public record Notification(
      String eventId,
      Optional<StripePayment> payment,
      Optional<DisputeReport> dispute,
      Optional<String> refundedPaymentIntent,
      Optional<AccountReport> account) {}

  /** A dispute of a payment: {@code won} is null while it is open. */
  public record DisputeReport(String paymentIntentId, String disputeId, @Nullable Boolean won) {}

  /** A seller's connected account, and whether it can receive transfers now. */
  public record AccountReport(UserId sellerId, boolean payoutsEnabled) {}

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
    Optional<StripeObject> object = object(event);
    return new Notification(
        event.getId(),
        object.flatMap(o -> succeededPayment(event.getType(), o)),
        object.flatMap(o -> dispute(event.getType(), o)),
        object.flatMap(o -> refunded(event.getType(), o)),
        object.flatMap(o -> account(event.getType(), o)));
  }

  private static Optional<StripeObject> object(Event event) {
    try {
      return Optional.of(event.getDataObjectDeserializer().deserializeUnsafe());
    } catch (EventDataObjectDeserializationException e) {
      return Optional.empty();
    }
  }

  /** A dispute opened, or closed: lost, or won (a warning that closed is no loss either). */
  private static Optional<DisputeReport> dispute(String type, StripeObject object) {
    if (!(object instanceof Dispute dispute) || dispute.getPaymentIntent() == null) {
      return Optional.empty();
    }
    String intent = dispute.getPaymentIntent();
    return switch (type) {
      case "charge.dispute.created" ->
          Optional.of(new DisputeReport(intent, dispute.getId(), null));
      case "charge.dispute.closed" ->
          Optional.of(
              new DisputeReport(intent, dispute.getId(), !"lost".equals(dispute.getStatus())));
      default -> Optional.empty();
    };
  }

  /**
   * A payment refunded in full. Stripe says {@code charge.refunded} of a partial refund too (its
   * {@code refunded} false): that one cancelled the whole payout, and reversed a paid transfer in
   * full, for a few dollars given back; what the seller is owed then is an operator's call.
   */
  private static Optional<String> refunded(String type, StripeObject object) {
    return type.equals("charge.refunded")
            && object instanceof Charge charge
            && Boolean.TRUE.equals(charge.getRefunded())
        ? Optional.ofNullable(charge.getPaymentIntent())
        : Optional.empty();
  }

  private static Optional<AccountReport> account(String type, StripeObject object) {
    if (!type.equals("account.updated") || !(object instanceof Account account)) {
      return Optional.empty();
    }
    String seller = account.getMetadata() == null ? null : account.getMetadata().get("sellerId");
    return seller == null
        ? Optional.empty()
        : Optional.of(
            new AccountReport(
                new UserId(seller), Boolean.TRUE.equals(account.getPayoutsEnabled())));
  }

  private static Optional<StripePayment> succeededPayment(String type, StripeObject object) {
    if (!"payment_intent.succeeded".equals(type) || !(object instanceof PaymentIntent intent)) {
      return Optional.empty();
    }
    Map<String, String> metadata = intent.getMetadata();
    if (metadata == null || !metadata.containsKey("orderId") || !metadata.containsKey("buyerId")) {
      return Optional.empty();
    }
    return Optional.of(
        new StripePayment(
            intent.getId(),
            new OrderId(metadata.get("orderId")),
            new UserId(metadata.get("buyerId")),
            intent.getAmount(),
            intent.getCurrency()));
  }
}
