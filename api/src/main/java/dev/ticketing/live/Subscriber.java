package dev.ticketing.live;

import dev.ticketing.workflows.UserId;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One browser's stream, written by a thread of its own from a bounded queue: a browser that reads
 * too slowly loses its stream (it reconnects with Last-Event-ID) and never slows the others.
 */
final class Subscriber {

  static final int BACKLOG = 1_024;
  private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
  private static final Duration RECONNECT = Duration.ofSeconds(2);

  private final SseEmitter emitter;
  private final @Nullable UserId user;
  private final BlockingQueue<LiveEvent> queue = new ArrayBlockingQueue<>(BACKLOG);
  private volatile boolean open = true;

  Subscriber(SseEmitter emitter, @Nullable UserId user, List<LiveEvent> missed) {
    this.emitter = emitter;
    this.user = user;
    missed.forEach(this::offer);
  }

  /**
   * Queues the event if it is for this browser; false once this stream is closed. A full queue ends
   * the stream, by its own writer: completing it here would wait for the write it is stuck in (the
   * emitter's one lock), up to Tomcat's 60 s, and hold up every browser's events meanwhile.
   */
  boolean offer(LiveEvent event) {
    if (open && event.isFor(user) && !queue.offer(event)) {
      end();
    }
    return open;
  }

  /** Writes queued events until the browser goes away or the stream is closed. */
  void run() {
    try {
      // Sent at once, so the browser sees the stream open without waiting for the first event.
      emitter.send(SseEmitter.event().reconnectTime(RECONNECT.toMillis()).comment("open"));
      while (open) {
        LiveEvent event = queue.poll(KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS);
        if (event == null) {
          emitter.send(SseEmitter.event().comment("keep-alive"));
        } else {
          emitter.send(SseEmitter.event().id(event.id()).name(event.name()).data(event.json()));
        }
      }
    } catch (IOException | IllegalStateException gone) {
      open = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    open = false;
    try {
      emitter.complete();
    } catch (IllegalStateException alreadyDone) {
      // the browser went first
    }
  }

  /** Ends the stream: its writer completes it once it is done with what it is writing. */
  void end() {
    open = false;
  }
}
