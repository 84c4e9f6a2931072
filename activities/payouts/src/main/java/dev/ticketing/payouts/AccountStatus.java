package dev.ticketing.payouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a seller's payout account is; the names are the API's. */
public enum AccountStatus {
  /** No account yet. */
  NONE,
  /** Created; Stripe waits for the seller to finish onboarding. */
  ONBOARDING,
  /** Stripe reports it can receive transfers. */
  ACTIVE;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }
}
