package dev.ticketing.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class SubscriberTest {

  /**
   * A browser that stopped reading: every write waits for ever, and so does completing the stream,
   * which waits for the write (SseEmitter's one lock).
   */
  static final class StuckBrowser extends SseEmitter {
    final CountDownLatch writing = new CountDownLatch(1);

    @Override
    public void send(SseEventBuilder event) {
      writing.countDown();
      forever();
    }

    @Override
    public void complete() {
      forever();
    }

    private static void forever() {
      try {
        new CountDownLatch(1).await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A browser that reads everything. */
  static final class ReadingBrowser extends SseEmitter {
    final List<Object> received = new CopyOnWriteArrayList<>();

    @Override
    public void send(SseEventBuilder event) {
      received.add(event);
    }
  }

  @Test
  @Timeout(30) // offering to the stuck stream once waited on its write for ever
  void aBrowserThatStopsReadingLosesItsStreamWithoutHoldingUpTheOthers() throws Exception {
    var stuck = new StuckBrowser();
    var reading = new ReadingBrowser();
    var slow = new Subscriber(stuck, null, List.of());
    var fast = new Subscriber(reading, null, List.of());
    Thread.ofVirtual().start(slow::run);
    Thread.ofVirtual().start(fast::run);
    stuck.writing.await();

    List<Boolean> slowOpen =
        IntStream.range(0, Subscriber.BACKLOG + 10).mapToObj(i -> slow.offer(event(i))).toList();
    IntStream.range(0, Subscriber.BACKLOG).forEach(i -> fast.offer(event(i)));

    assertThat(slowOpen.getLast()).isFalse();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int openingAndEvents = 1 + Subscriber.BACKLOG;
    while (reading.received.size() < openingAndEvents && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(reading.received).hasSize(openingAndEvents);
  }

  @Test
  void anOrderEventReachesOnlyItsBuyer() {
    var buyer = new dev.ticketing.workflows.UserId("5f0000000000000000000002");
    var order = new LiveEvent("orders:x:0", "order", "{}", buyer);

    assertThat(order.isFor(buyer)).isTrue();
    assertThat(order.isFor(new dev.ticketing.workflows.UserId("5f0000000000000000000003")))
        .isFalse();
    assertThat(order.isFor(null)).isFalse();
    assertThat(event(1).isFor(null)).isTrue();
  }

  private static LiveEvent event(int i) {
    return new LiveEvent("tickets:" + i, "ticket", "{\"i\":" + i + "}", null);
  }
}
