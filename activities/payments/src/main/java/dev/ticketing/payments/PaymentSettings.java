package dev.ticketing.payments;

import dev.ticketing.workflows.Price;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payments database is, the currency charged, and Stripe: without a key, payments go to
 * the offline sandbox gateway; without a webhook secret, the webhook endpoint is off.
 */
@ConfigurationProperties("ticketing.payments")
public record PaymentSettings(
    @DefaultValue("mongodb://localhost:27017") String mongodbUri,
    @DefaultValue("usd") String currency,
    @DefaultValue Stripe stripe) {

  public PaymentSettings {
    Price.currencyOfTwoDecimals(currency); // refused at start, not charged wrongly
  }

  public record Stripe(
      @Nullable String key,
      @Nullable String apiBase,
      @Nullable String webhookSecret,
      @Nullable String publishableKey) {

    public boolean configured() {
      return key != null && !key.isBlank();
    }

    public boolean receivesWebhooks() {
      return webhookSecret != null && !webhookSecret.isBlank();
    }
  }
}
