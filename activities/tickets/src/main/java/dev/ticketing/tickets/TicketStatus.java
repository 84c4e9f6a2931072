package dev.ticketing.tickets;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

public enum TicketStatus {
  AVAILABLE,
  RESERVED,
  SOLD;

  @JsonValue
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TicketStatus of(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
