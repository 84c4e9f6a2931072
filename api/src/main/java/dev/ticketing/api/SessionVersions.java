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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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
 * was heard is trusted for {@link #TRUSTED}; a request after that is still answered from it, and
 * the user read again in the background, so buyers who waited on a page for the sale to open don't
 * all wait on the store when it does: an announcement the feed lost (announcing is best effort)
 * ends an old session a request after that at most. When the feed can't be followed, everything
 * heard is forgotten.
 */
@Component
public class SessionVersions implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SessionVersions.class);
  // Users heard of, kept; the least recently asked about go first (a read brings one back).
  private static final int KEPT = 20_000;
  private static final Duration TRUSTED = Duration.ofSeconds(30);
  private static final int READERS = 4;

  /** A session version, and when it was last read or announced. */
  private record Heard(long version, long atNanos) {}

  private final Users users;
  private final Duration trusted;
  private final Map<UserId, Heard> heard = new LeastRecentlyUsed<>(KEPT);
  private final Set<UserId> reading = ConcurrentHashMap.newKeySet();
  private final Semaphore readers = new Semaphore(READERS);
  private volatile @Nullable Following following;

  @Autowired
  SessionVersions(Users users) {
    this(users, TRUSTED);
  }

  SessionVersions(Users users, Duration trusted) {
    this.users = users;
    this.trusted = trusted;
  }

  /** Whether a token of {@code version} still opens the user's session. */
  public boolean isCurrent(UserId user, long version) {
    Heard known = known(user);
    if (known == null || version > known.version()) {
      Optional<User> read = users.find(user);
      read.ifPresent(this::heard);
      return read.isPresent() && version == read.get().sessionVersion();
    }
    if (System.nanoTime() - known.atNanos() > trusted.toNanos()) {
      readInTheBackground(user);
    }
    return version == known.version();
  }

  /**
   * Reads the user again, once at a time, and a few users at a time: a thousand buyers gone stale
   * together must not queue a thousand reads in front of the sale's own writes. One not read now is
   * read when next asked; a user gone is forgotten, and so read when next asked too.
   */
  private void readInTheBackground(UserId user) {
    if (!reading.add(user)) {
      return;
    }
    if (!readers.tryAcquire()) {
      reading.remove(user);
      return;
    }
    Thread.ofVirtual()
        .name("session-version")
        .start(() -> {
          try {
            users.find(user).ifPresentOrElse(this::heard, () -> forget(user));
          } catch (RuntimeException e) {
            log.debug(
                "Reading user {} again failed; read when next asked: {}", user, e.getMessage());
          } finally {
            readers.release();
            reading.remove(user);
          }
        });
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

  private synchronized void forget(UserId user) {
    heard.remove(user);
  }

  @Override
  public void start() {
    following = Following.start("session-versions", users.events(), this::heard, this::forget);
  }

  private void heard(Event event) {
    if (Users.isUserEvent(event)) {
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
