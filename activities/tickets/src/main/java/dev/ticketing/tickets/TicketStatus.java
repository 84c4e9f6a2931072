package dev.ticketing.tickets;

import com.fasterxml.jackson.annotation.JsonValue;

public enum TicketStatus {
  AVAILABLE,
  RESERVED,
  SOLD;

  @JsonValue
  public String value() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static TicketStatus of(String value) {
    return valueOf(value.toUpperCase(java.util.Locale.ROOT));
  }
}
