package dev.ticketing.payments;

import dev.ticketing.store.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An offline stand-in for Stripe's test mode, for running without a Stripe key: the test tokens and
 * PaymentMethods Stripe documents succeed or decline here as they do there, and a repeated
 * idempotency key answers the same PaymentIntent.
 */
public final class SandboxGateway implements PaymentGateway {

  private static final Set<String> CARDS =
      Set.of(
          "visa",
          "visa_debit",
          "mastercard",
          "mastercard_debit",
          "mastercard_prepaid",
          "amex",
          "discover",
          "diners",
          "jcb",
          "unionpay");

  /** Stripe's declining test cards and the message each gets. */
  private static final Map<String, String> DECLINES =
      Map.of(
          "chargeDeclined", "Your card was declined.",
          "chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
          "chargeDeclinedLostCard", "Your card was declined.",
          "chargeDeclinedStolenCard", "Your card was declined.",
          "chargeDeclinedFraudulent", "Your card was declined.",
          "chargeDeclinedExpiredCard", "Your card has expired.",
          "chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.",
          "chargeDeclinedProcessingError",
              "An error occurred while processing your card. Try again in a little bit.");

  @Override
  public String charge(ChargeOrder order) {
    String method = order.paymentMethod();
    String card = card(method);
    String paymentIntent = "pi_sandbox_" + Sha256.idOf(order.idempotencyKey());
    if (DECLINES.containsKey(card)) {
      throw new Refused(DECLINES.get(card), true, paymentIntent);
    }
    if (!CARDS.contains(card)) {
      String kind = method.startsWith("pm_") ? "PaymentMethod" : "token";
      throw new Refused("No such " + kind + ": '" + method + "'", false, null);
    }
    return paymentIntent;
  }

  /** The sandbox keeps nothing: a charge that would have succeeded is taken to have. */
  @Override
  public Optional<String> stopCharge(ChargeOrder order) {
    try {
      return Optional.of(charge(order));
    } catch (Refused refused) {
      return Optional.empty();
    }
  }

  @Override
  public String refund(String paymentIntentId, String idempotencyKey) {
    return "re_sandbox_" + Sha256.idOf(idempotencyKey);
  }

  /**
   * The card a test token or PaymentMethod names: {@code tok_visa} and {@code pm_card_visa} name
   * visa.
   */
  private static String card(String method) {
    if (method.startsWith("tok_")) {
      return method.substring("tok_".length());
    }
    return method.startsWith("pm_card_") ? method.substring("pm_card_".length()) : "";
  }
}
