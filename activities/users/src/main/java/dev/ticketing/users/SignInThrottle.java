package dev.ticketing.users;

import static dev.ticketing.workflows.Rejection.THROTTLED;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.EventLog;
import dev.ticketing.store.VersionedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Failed sign-ins per email, registered or not: after {@code limit} of them within {@code window},
 * the email is locked until the oldest of those is {@code window} old. A sign-in is counted as
 * failed before its password is checked and taken back once it succeeds, each a claimed event, so
 * guesses sent at once are all counted: counting each failure after its check let two hundred
 * guesses sent together past a lock of ten.
 */
public final class SignInThrottle {

  /** The recent sign-ins for one email that failed or are being checked, by its lower-case form. */
  record Failures(String id, long version, List<Instant> times) {
    Failures plus(Instant now, Duration window) {
      List<Instant> recent =
          Stream.concat(times.stream().filter(t -> t.isAfter(now.minus(window))), Stream.of(now))
              .toList();
      return new Failures(id, version, recent);
    }

    Failures without(Instant attempt) {
      var left = new ArrayList<>(times);
      left.remove(attempt);
      return new Failures(id, version, left);
    }
  }

  private final VersionedStore<Failures> store;
  private final int limit;
  private final Duration window;
  private final Clock clock;

  public SignInThrottle(
      DomainDatabase database, EventLog events, int limit, Duration window, Clock clock) {
    this.store = new VersionedStore<>(database, "signInFailures", Failures.class, events);
    this.limit = limit;
    this.window = window;
    this.clock = clock;
  }

  /**
   * Counts a sign-in for this email as failed until {@link #succeeded} takes it back, and answers
   * its time for that; refused, counting nothing, while the email is locked.
   */
  public Instant attempt(String email) {
    String key = User.key(email);
    // Stored as a BSON date, so compared at the precision it is stored with.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (store.add(new Failures(key, 0, List.of(now)), "SignInAttempted").isEmpty()) {
      store.change(
          key,
          "SignInAttempted",
          failures -> {
            refuseWhileLocked(failures.times(), now);
            return failures.plus(now, window);
          });
    }
    return now;
  }

  /** Takes back a sign-in that succeeded: it was counted as failed while it was checked. */
  public void succeeded(String email, Instant attempt) {
    store.change(User.key(email), "SignInSucceeded", failures -> failures.without(attempt));
  }

  private void refuseWhileLocked(List<Instant> times, Instant now) {
    List<Instant> recent =
        times.stream().filter(t -> t.isAfter(now.minus(window))).sorted().toList();
    if (recent.size() >= limit) {
      Duration locked = Duration.between(now, recent.get(recent.size() - limit).plus(window));
      long minutes = Math.max(1, locked.toSeconds() / 60 + 1);
      throw THROTTLED.failure("Too many failed sign-ins; try again in " + minutes + " minutes");
    }
  }
}
