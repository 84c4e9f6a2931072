package dev.ticketing.payments.web;

import dev.ticketing.api.ApiException;
import dev.ticketing.payments.PaymentSettings;
import dev.ticketing.payments.Payments;
import dev.ticketing.payments.StripeWebhooks;
import dev.ticketing.payouts.web.StripeReports;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhook: on only with {@code STRIPE_WEBHOOK_SECRET}. An event acted on is remembered, so
 * a repeated delivery is answered at once; two at the same moment both act, which is safe, since
 * the workflow, the refund and the payments store all take a payment they have seen as a repeat.
 */
@RestController
class StripeWebhookController {

  private final @Nullable StripeWebhooks webhooks;
  private final Payments payments;
  private final StripePayments stripePayments;
  private final StripeReports sellers;

  StripeWebhookController(
      PaymentSettings settings,
      Payments payments,
      StripePayments stripePayments,
      StripeReports sellers) {
    PaymentSettings.Stripe stripe = settings.stripe();
    this.webhooks = stripe.receivesWebhooks() ? new StripeWebhooks(stripe.webhookSecret()) : null;
    this.payments = payments;
    this.stripePayments = stripePayments;
    this.sellers = sellers;
  }

  @ApiResponse(responseCode = "200", description = "Received", useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "The signature does not verify")
  @ApiResponse(responseCode = "404", description = "Webhooks are off (no STRIPE_WEBHOOK_SECRET)")
  @PostMapping("/api/payments/webhook")
  Map<String, Boolean> stripeWebhook(
      @RequestBody(required = false) @Nullable String payload,
      @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
    if (webhooks == null) {
      throw ApiException.notFound();
    }
    StripeWebhooks.Notification notification;
    try {
      notification =
          webhooks.read(payload == null ? "" : payload, signature == null ? "" : signature);
    } catch (StripeWebhooks.BadSignature e) {
      throw ApiException.badRequest(e.getMessage());
    }
    if (!payments.handled(notification.eventId())) {
      notification.payment().ifPresent(stripePayments::settle);
      sellers.take(notification);
      payments.markHandled(notification.eventId());
    }
    return Map.of("received", true);
  }
}
