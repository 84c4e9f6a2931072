package dev.ticketing.api;

import dev.ticketing.store.Event;
import dev.ticketing.store.Following;
import dev.ticketing.store.LeastRecentlyUsed;
import dev.ticketing.users.User;
import dev.ticketing.users.Users;
import dev.ticketing.workflows.UserId;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Each user's session version as this API process last heard it, so that checking a session reads
 * nothing: every request of a signed-in user asked the users store before, two round trips each,
 * and an on-sale rush of a thousand buyers waited seconds on them. Heard from the users feed, which
 * every process's sign-ups, sign-outs and changes announce, and from a read of a user not heard of.
 *
 * <p>Versions only grow. A token newer than the one heard (its user signed in again elsewhere a
 * moment ago) reads the store, never ends a session; an older one is ended for good. A sign-out in
 * another API process reaches this one within the feed's poll; one in this process at once. What
 * was heard is trusted for {@link #TRUSTED} only, then read again: an announcement the feed lost
 * (announcing is best effort) ends an old session that late at most. When the feed can't be
 * followed, everything heard is forgotten.
 */
@Component
public class SessionVersions implements SmartLifecycle {

  // Users heard of, kept; the least recently asked about go first (a read brings one back).
  private static final int KEPT = 20_000;
  private static final Duration TRUSTED = Duration.ofSeconds(30);

  /** A session version, and when it was last read or announced. */
  private record Heard(long version, long atNanos) {}

  private final Users users;
  private final Map<UserId, Heard> heard = new LeastRecentlyUsed<>(KEPT);
  private volatile @Nullable Following following;

  SessionVersions(Users users) {
    this.users = users;
  }

  /** Whether a token of {@code version} still opens the user's session. */
  public boolean isCurrent(UserId user, long version) {
    Heard known = known(user);
    if (known == null
        || version > known.version()
        || System.nanoTime() - known.atNanos() > TRUSTED.toNanos()) {
      Optional<User> read = users.find(user);
      if (read.isEmpty()) {
        return false;
      }
      heard(read.get());
      return version == read.get().sessionVersion();
    }
    return version == known.version();
  }

  /** A user's state as this process just changed or read it. */
  public synchronized void heard(User user) {
    Heard now = new Heard(user.sessionVersion(), System.nanoTime());
    heard.merge(user.id(), now, (old, next) -> old.version() > next.version() ? old : next);
  }

  private synchronized @Nullable Heard known(UserId user) {
    return heard.get(user);
  }

  private synchronized void forget() {
    heard.clear();
  }

  @Override
  public void start() {
    following = Following.start("session-versions", users.events(), this::heard, this::forget);
  }

  /** The users' own events ({@code User...}); the feed carries sign-in throttling's too. */
  private void heard(Event event) {
    if (event.type().startsWith("User")) {
      heard(users.userAfter(event));
    }
  }

  @Override
  public void stop() {
    Following stopping = following;
    if (stopping != null) {
      stopping.close();
      following = null;
    }
  }

  @Override
  public boolean isRunning() {
    return following != null;
  }
}
