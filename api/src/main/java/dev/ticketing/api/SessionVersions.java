package dev.ticketing.api;

import dev.ticketing.store.Event;
import dev.ticketing.users.User;
import dev.ticketing.users.Users;
import dev.ticketing.workflows.UserId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * another API process reaches this one within the feed's poll; one in this process at once. When
 * the feed can't be followed, everything heard is forgotten, so nothing missed meanwhile stands.
 */
@Component
public class SessionVersions implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(SessionVersions.class);
  // Users heard of, kept; the least recently asked about go first (a read brings one back).
  private static final int KEPT = 100_000;
  private static final Duration REFOLLOW = Duration.ofMillis(250);

  private final Users users;
  private final Map<UserId, Long> heard =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UserId, Long> eldest) {
          return size() > KEPT;
        }
      };
  private @Nullable Thread follower;
  private volatile boolean running;

  SessionVersions(Users users) {
    this.users = users;
  }

  /** Whether a token of {@code version} still opens the user's session. */
  public boolean isCurrent(UserId user, long version) {
    Long known = known(user);
    if (known == null || version > known) {
      Optional<User> read = users.find(user);
      if (read.isEmpty()) {
        return false;
      }
      heard(read.get());
      known = read.get().sessionVersion();
    }
    return version == known;
  }

  /** A user's state as this process just changed or read it. */
  public synchronized void heard(User user) {
    heard.merge(user.id(), user.sessionVersion(), Math::max);
  }

  private synchronized @Nullable Long known(UserId user) {
    return heard.get(user);
  }

  private synchronized void forget() {
    heard.clear();
  }

  @Override
  public void start() {
    running = true;
    follower = Thread.ofVirtual().name("session-versions").start(this::follow);
  }

  private void follow() {
    while (running) {
      try {
        users.events().follow(this::heard);
      } catch (RuntimeException e) {
        forget();
        log.debug("Following the users feed failed; following again: {}", e.getMessage());
      }
      pause();
    }
  }

  private void heard(Event event) {
    heard(users.userAfter(event));
  }

  @Override
  public void stop() {
    running = false;
    if (follower != null) {
      follower.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private static void pause() {
    try {
      Thread.sleep(REFOLLOW);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
