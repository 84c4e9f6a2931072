package dev.ticketing.harness;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waits for something a real process does in its own time, checking often, up to a deadline. */
public final class Poll {

  private Poll() {}

  /** Returns once {@code condition} holds; fails saying {@code what} was awaited otherwise. */
  public static void until(String what, Duration timeout, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("Not within " + timeout + ": " + what);
      }
      ExternalProcess.sleep(Duration.ofMillis(100));
    }
  }
}
