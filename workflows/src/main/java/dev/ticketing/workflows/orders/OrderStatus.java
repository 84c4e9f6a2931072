package dev.ticketing.workflows.orders;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where an order is in its life; the names are the API's. */
public enum OrderStatus {
  CREATED("created"),
  AWAITING_PAYMENT("awaiting:payment"),
  CANCELLED("cancelled"),
  COMPLETE("complete");

  private final String value;

  OrderStatus(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  public static OrderStatus of(String value) {
    for (OrderStatus candidate : values()) {
      if (candidate.value.equals(value)) {
        return candidate;
      }
    }
    throw new IllegalArgumentException("No OrderStatus " + value);
  }

  public boolean isClosed() {
    return this == CANCELLED || this == COMPLETE;
  }
}
