package dev.ticketing.workflows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A user's id: a MongoDB ObjectId in hex. */
public record UserId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public UserId {}

  @Override
  public String toString() {
    return value;
  }
}
