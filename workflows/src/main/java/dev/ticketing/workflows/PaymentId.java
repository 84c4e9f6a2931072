package dev.ticketing.workflows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A payment's id: a MongoDB ObjectId in hex. */
public record PaymentId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public PaymentId {}

  @Override
  public String toString() {
    return value;
  }
}
