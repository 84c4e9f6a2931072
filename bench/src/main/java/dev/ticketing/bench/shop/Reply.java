package dev.ticketing.bench.shop;

import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** What the API answered and how long it took; status 0 when the request got no answer. */
public record Reply(int status, JsonNode body, long nanos) {

  static Reply unanswered(long nanos) {
    return new Reply(0, MissingNode.getInstance(), nanos);
  }

  public boolean is(int expected) {
    return status == expected;
  }

  public String text(String field) {
    return body.path(field).asString("");
  }

  /** The first error message, for telling refusals apart. */
  public String error() {
    return body.path("errors").path(0).path("message").asString("");
  }

  public Duration took() {
    return Duration.ofNanos(nanos);
  }
}
