package dev.ticketing.payments;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentMethodCreateParams;
import com.stripe.param.RefundCreateParams;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Stripe itself, through stripe-java; {@code apiBase} points it at stripe-mock in tests. */
public final class StripeGateway implements PaymentGateway {

  private static final String ALREADY_REFUNDED = "charge_already_refunded";

  private final StripeClient stripe;

  public StripeGateway(String apiKey, @Nullable String apiBase) {
    // Within the activity's 10 s an attempt: Temporal retries it, under the same idempotency key.
    var builder =
        StripeClient.builder()
            .setApiKey(apiKey)
            .setConnectTimeout(3_000)
            .setReadTimeout(6_000)
            .setMaxNetworkRetries(0);
    if (apiBase != null && !apiBase.isBlank()) {
      builder.setApiBase(apiBase);
    }
    this.stripe = builder.build();
  }

  @Override
  public String charge(ChargeOrder order) {
    PaymentIntent intent = createAndConfirm(order);
    return switch (intent.getStatus()) {
      case "succeeded" -> intent.getId();
      // Not decided yet: no answer, as from a charge unanswered. Asked again under its key, and
      // should Stripe not decide in time, the charge's undo waits it out and refunds what it took;
      // taken as a refusal, nothing would have given back money taken later.
      case "processing" -> throw new IllegalStateException(intent.getId() + " is still processing");
      default ->
          throw new Refused(
              "The payment could not be completed (" + intent.getStatus() + ")",
              false,
              intent.getId());
    };
  }

  @Override
  public String refund(String paymentIntentId, String idempotencyKey) {
    var params = RefundCreateParams.builder().setPaymentIntent(paymentIntentId).build();
    return call(() -> {
      try {
        return stripe.v1().refunds().create(params, keyed(idempotencyKey)).getId();
      } catch (InvalidRequestException e) {
        if (ALREADY_REFUNDED.equals(e.getCode())) {
          return paymentIntentId; // refunded in Stripe's dashboard, say: nothing is left to do
        }
        throw e;
      }
    });
  }

  /**
   * Asks the unanswered charge's own idempotency key, with an intent that is not confirmed:
   *
   * <ul>
   *   <li>the key was never used: it is taken now, so the lost charge can't land later, and the
   *       unconfirmed intent is cancelled;
   *   <li>the key was used (Stripe refuses other parameters under it): the charge's request, sent
   *       again as it was, answers the intent it made; that intent is cancelled unless it took the
   *       money, and then it is answered, to be refunded.
   * </ul>
   */
  @Override
  public Optional<String> stopCharge(ChargeOrder order) {
    String method = paymentMethod(order);
    String intent;
    try {
      intent = create(order, method, false).getId();
    } catch (Refused unusable) {
      return Optional.empty(); // what Stripe makes no intent of, the charge could not charge either
    } catch (KeyUsed used) {
      try {
        intent = create(order, method, true).getId();
      } catch (Refused refused) {
        intent = refused.paymentIntentId();
      }
    }
    return intent == null ? Optional.empty() : cancelUnlessSucceeded(intent);
  }

  /** Cancels an intent that has not taken money, so it never will; answers it if it has. */
  private Optional<String> cancelUnlessSucceeded(String intent) {
    String status = call(() -> stripe.v1().paymentIntents().retrieve(intent)).getStatus();
    switch (status) {
      case "succeeded" -> {
        return Optional.of(intent);
      }
      case "canceled" -> {
        return Optional.empty();
      }
      case "processing" -> throw new IllegalStateException(intent + " is still processing");
      default -> {
        try {
          call(() -> stripe.v1().paymentIntents().cancel(intent));
        } catch (Refused changedMeanwhile) {
          throw new IllegalStateException(intent + " changed while cancelled: read it again");
        }
        return Optional.empty();
      }
    }
  }

  /** The PaymentIntent as Stripe confirmed it, whatever its status. */
  PaymentIntent createAndConfirm(ChargeOrder order) {
    return create(order, paymentMethod(order), true);
  }

  private PaymentIntent create(ChargeOrder order, String paymentMethod, boolean confirm) {
    var params =
        PaymentIntentCreateParams.builder()
            .setAmount(order.amount())
            .setCurrency(order.currency())
            .setPaymentMethod(paymentMethod)
            .addPaymentMethodType("card")
            .setConfirm(confirm)
            .putAllMetadata(order.metadata())
            .build();
    return call(() -> stripe.v1().paymentIntents().create(params, keyed(order.idempotencyKey())));
  }

  /** A PaymentMethod id as given, or one made from a card token ({@code tok_visa}). */
  private String paymentMethod(ChargeOrder order) {
    if (!order.paymentMethod().startsWith("tok_")) {
      return order.paymentMethod();
    }
    var params =
        PaymentMethodCreateParams.builder()
            .setType(PaymentMethodCreateParams.Type.CARD)
            .setCard(
                PaymentMethodCreateParams.Token.builder().setToken(order.paymentMethod()).build())
            .build();
    RequestOptions options = keyed(order.idempotencyKey() + "-payment-method");
    return call(() -> stripe.v1().paymentMethods().create(params, options)).getId();
  }

  private static RequestOptions keyed(String idempotencyKey) {
    return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
  }

  private interface StripeCall<T> {
    T call() throws StripeException;
  }

  /** An idempotency key that a request with other parameters already used. */
  static final class KeyUsed extends RuntimeException {
    KeyUsed(IdempotencyException e) {
      super(e.getMessage(), e);
    }
  }

  /** Stripe's refusals become {@link Refused}; its outages stay exceptions worth retrying. */
  private static <T> T call(StripeCall<T> call) {
    try {
      return call.call();
    } catch (IdempotencyException e) {
      throw new KeyUsed(e);
    } catch (CardException e) {
      throw new Refused(messageOf(e), true, paymentIntentOf(e));
    } catch (InvalidRequestException e) {
      throw new Refused(messageOf(e), false, paymentIntentOf(e));
    } catch (ApiConnectionException e) {
      throw new IllegalStateException("Stripe could not be reached: " + e.getMessage(), e);
    } catch (StripeException e) {
      throw new IllegalStateException("Stripe failed: " + e.getMessage(), e);
    }
  }

  private static String messageOf(StripeException e) {
    String message = e.getUserMessage();
    return message != null ? message : "Your card was declined.";
  }

  private static @Nullable String paymentIntentOf(StripeException e) {
    var error = e.getStripeError();
    return error == null || error.getPaymentIntent() == null
        ? null
        : error.getPaymentIntent().getId();
  }
}
