package dev.ticketing.live;

import dev.ticketing.workflows.UserId;
import org.jspecify.annotations.Nullable;

/**
 * One change a browser hears of: {@code ticket} events go to everyone, {@code order} events to the
 * order's buyer only, {@code payout} and {@code account} events to the seller only, {@code reset}
 * tells a browser it may have missed some and should read again. Its data is JSON written once,
 * however many browsers it goes to.
 */
record LiveEvent(String id, String name, String json, @Nullable UserId audience) {

  static LiveEvent reset() {
    return new LiveEvent("reset", "reset", "{}", null);
  }

  boolean isFor(@Nullable UserId user) {
    return audience == null || audience.equals(user);
  }
}
