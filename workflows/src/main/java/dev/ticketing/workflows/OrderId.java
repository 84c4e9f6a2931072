package dev.ticketing.workflows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A order's id: a MongoDB ObjectId in hex. */
public record OrderId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public OrderId {}

  @Override
  public String toString() {
    return value;
  }
}
