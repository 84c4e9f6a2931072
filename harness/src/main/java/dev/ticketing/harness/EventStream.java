package dev.ticketing.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A Server-Sent Events stream as a browser reads it, event by event. */
public final class EventStream implements AutoCloseable {

  /** One event: its id, its name and its JSON data. */
  public record ServerSentEvent(String id, String name, JsonNode data) {}

  private final InputStream body;
  private final BlockingQueue<ServerSentEvent> events = new LinkedBlockingQueue<>();

  EventStream(InputStream body) {
    this.body = body;
    Thread.ofVirtual().name("event-stream").start(this::read);
  }

  /** The next event that matches, skipping others; fails when none comes within the timeout. */
  public ServerSentEvent next(Predicate<ServerSentEvent> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        ServerSentEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (event == null) {
          throw new AssertionError("No matching event within " + timeout);
        }
        if (matching.test(event)) {
          return event;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The next event of any kind that comes within the timeout, or null. */
  public @Nullable ServerSentEvent poll(Duration timeout) {
    try {
      return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    try {
      body.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read() {
    var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
    String id = "";
    String name = "message";
    var data = new StringBuilder();
    try {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            events.add(new ServerSentEvent(id, name, ApiClient.JSON.readTree(data.toString())));
          }
          name = "message";
          data.setLength(0);
        } else if (line.startsWith("id:")) {
          id = line.substring(3).trim();
        } else if (line.startsWith("event:")) {
          name = line.substring(6).trim();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).trim());
        }
      }
    } catch (IOException closed) {
      // the stream ended
    }
  }
}
