package dev.ticketing.users;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.EventLog;
import dev.ticketing.store.VersionedStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Failed sign-ins per email, registered or not: after {@code limit} of them within {@code window},
 * the email is locked until the oldest of those is {@code window} old. Each failure is a claimed
 * event, so concurrent guesses are all counted.
 */
public final class SignInThrottle {

  /** The recent failed sign-ins for one email, under its lower-case form. */
  record Failures(String id, long version, List<Instant> times) {
    Failures plus(Instant now, Duration window) {
      List<Instant> recent =
          Stream.concat(times.stream().filter(t -> t.isAfter(now.minus(window))), Stream.of(now))
              .toList();
      return new Failures(id, version, recent);
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

  /** How long sign-ins for this email stay refused; empty when they are allowed. */
  public Optional<Duration> lockedFor(String email) {
    Instant now = clock.instant();
    List<Instant> recent =
        store.find(User.key(email)).map(Failures::times).orElse(List.of()).stream()
            .filter(t -> t.isAfter(now.minus(window)))
            .sorted()
            .toList();
    if (recent.size() < limit) {
      return Optional.empty();
    }
    return Optional.of(Duration.between(now, recent.get(recent.size() - limit).plus(window)));
  }

  public void failed(String email) {
    String key = User.key(email);
    // Stored as a BSON date, so compared at the precision it is stored with.
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    if (store.add(new Failures(key, 0, List.of(now)), "SignInFailed").isEmpty()) {
      store.change(key, "SignInFailed", failures -> failures.plus(now, window));
    }
  }
}
