package dev.ticketing.workflows.payouts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a payout is; the names are the API's. */
public enum PayoutStatus {
  /** Until its release, after the event. */
  HELD,
  /** Released, but the seller has no active payout account yet. */
  AWAITING_ACCOUNT,
  /** Transferred to the seller. */
  PAID,
  /** The buyer disputes the charge: no transfer until the dispute closes. */
  FROZEN,
  /** Disputed after it was paid: the transfer was reversed. */
  REVERSED,
  /** The dispute was lost, or the payment refunded: the seller is paid nothing. */
  CANCELLED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether it can still be transferred, once released and the seller can be paid. */
  public boolean isPayable() {
    return this == HELD || this == AWAITING_ACCOUNT;
  }
}
