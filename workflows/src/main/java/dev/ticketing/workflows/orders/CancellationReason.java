package dev.ticketing.workflows.orders;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why an order was cancelled; the names are the API's. */
public enum CancellationReason {
  CANCELLED("cancelled"),
  EXPIRED("expired"),
  PAYMENT_FAILED("payment_failed");

  private final String value;

  CancellationReason(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  public static CancellationReason of(String value) {
    for (CancellationReason candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("No CancellationReason " + value);
  }
}
