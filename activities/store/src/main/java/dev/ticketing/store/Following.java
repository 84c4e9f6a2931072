package dev.ticketing.store;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A feed followed on a virtual thread of its own until closed: {@link EventLog#follow} again, after
 * a pause, each time its cursor ends or the server is away. The API's live updates, its ticket
 * catalog and its session versions follow their feeds this way.
 */
public final class Following implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Following.class);
  // Often, while a feed is small enough for FerretDB to end the cursor after its first batch.
  private static final Duration AGAIN = Duration.ofMillis(250);
  private static final Duration STOPPING = Duration.ofSeconds(1);

  private final EventLog feed;
  private final Consumer<Event> listener;
  private final Runnable lapsed;
  private final Thread thread;
  private volatile boolean open = true;

  private Following(String name, EventLog feed, Consumer<Event> listener, Runnable lapsed) {
    this.feed = feed;
    this.listener = listener;
    this.lapsed = lapsed;
    this.thread = Thread.ofVirtual().name(name).unstarted(this::follow);
  }

  /**
   * Hands {@code listener} every announcement of {@code feed}, perhaps one again after a lapse;
   * {@code lapsed} hears each failure to follow it (whatever came meanwhile is not heard).
   */
  public static Following start(
      String name, EventLog feed, Consumer<Event> listener, Runnable lapsed) {
    var following = new Following(name, feed, listener, lapsed);
    following.thread.start();
    return following;
  }

  private void follow() {
    while (open) {
      try {
        feed.follow(listener);
      } catch (RuntimeException e) {
        lapsed.run();
        log.debug("{}: the feed failed; following it again: {}", thread.getName(), e.getMessage());
      }
      pause();
    }
  }

  /** Stops following; returns once the listener has heard its last event, or after a second. */
  @Override
  public void close() {
    open = false;
    thread.interrupt();
    try {
      thread.join(STOPPING);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void pause() {
    try {
      Thread.sleep(AGAIN);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
