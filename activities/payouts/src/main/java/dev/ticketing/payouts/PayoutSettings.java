package dev.ticketing.payouts;

import dev.ticketing.workflows.Price;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the payouts database is; how long a payout is held after the event ({@code PAYOUTS_HOLD}),
 * the platform's fee ({@code PAYOUTS_FEE_PERCENT}), how long a paid payout still awaits a dispute;
 * Stripe (no key: the offline sandbox, where a new account can receive transfers at once); and the
 * web client's address, where onboarding returns.
 */
@ConfigurationProperties("ticketing.payouts")
public record PayoutSettings(
    @DefaultValue("mongodb://localhost:27017") String mongodbUri,
    @DefaultValue("P2D") Duration hold,
    @DefaultValue("10") int feePercent,
    @DefaultValue("P120D") Duration disputeWindow,
    @DefaultValue("usd") String currency,
    @DefaultValue("http://localhost:8080") String publicUrl,
    @Nullable String stripeKey,
    @Nullable String stripeApiBase) {

  public PayoutSettings {
    Price.currencyOfTwoDecimals(currency); // refused at start, not paid out wrongly
    if (feePercent < 0 || feePercent > 100) {
      throw new IllegalArgumentException("PAYOUTS_FEE_PERCENT must be 0 to 100, not " + feePercent);
    }
  }

  public boolean usesStripe() {
    return stripeKey != null && !stripeKey.isBlank();
  }
}
