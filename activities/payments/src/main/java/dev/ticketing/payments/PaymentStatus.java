package dev.ticketing.payments;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum PaymentStatus {
  SUCCEEDED,
  FAILED,
  REFUNDED;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static PaymentStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
