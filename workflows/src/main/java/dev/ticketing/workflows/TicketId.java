package dev.ticketing.workflows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A ticket's id: a MongoDB ObjectId in hex. */
public record TicketId(@JsonValue String value) {
  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  public TicketId {}

  @Override
  public String toString() {
    return value;
  }
}
