package dev.ticketing.live;

import dev.ticketing.orders.Orders;
import dev.ticketing.orders.web.OrderResponse;
import dev.ticketing.store.Event;
import dev.ticketing.store.EventLog;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.tickets.web.TicketResponse;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.Order;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Follows the tickets and orders feeds, keeps the latest events so a browser that reconnects can
 * catch up, and hands each new event to every subscribed browser. Whatever process wrote an event
 * (the API or a worker), every API process sees it.
 */
@Component
public class LiveFeed implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(LiveFeed.class);
  private static final int KEPT = 1_000;
  // Events this much older than the newest one are history, not news, when a feed is read again.
  private static final Duration HORIZON = Duration.ofMinutes(1);
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
  // A feed is followed again after this pause; often, while it is small enough for FerretDB to end
  // the cursor after its first batch.
  private static final Duration REFOLLOW = Duration.ofMillis(250);

  private final Tickets tickets;
  private final Orders orders;
  private final Deque<LiveEvent> kept = new ArrayDeque<>();
  private final Set<String> keptIds = new HashSet<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final List<Thread> followers = new ArrayList<>();
  private Instant newest = Instant.EPOCH;
  private volatile boolean running;

  LiveFeed(Tickets tickets, Orders orders) {
    this.tickets = tickets;
    this.orders = orders;
  }

  /**
   * A new stream for {@code user} (null when signed out). With {@code lastEventId} it first replays
   * what came after that event, or a reset when that event is no longer kept.
   */
  SseEmitter subscribe(@Nullable UserId user, @Nullable String lastEventId) {
    var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    Subscriber subscriber;
    synchronized (this) {
      subscriber = new Subscriber(emitter, user, missedSince(lastEventId));
      subscribers.add(subscriber);
    }
    Runnable leave =
        () -> {
          subscriber.close();
          subscribers.remove(subscriber);
        };
    emitter.onCompletion(leave);
    emitter.onTimeout(leave);
    emitter.onError(e -> leave.run());
    Thread.ofVirtual().name("live-subscriber").start(subscriber::run);
    return emitter;
  }

  @Override
  public void start() {
    running = true;
    followers.add(follow("tickets", tickets.events(), this::ticketEvent));
    followers.add(follow("orders", orders.events(), this::orderEvent));
  }

  @Override
  public void stop() {
    running = false;
    followers.forEach(Thread::interrupt);
    followers.clear();
    subscribers.forEach(Subscriber::close);
    subscribers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private Thread follow(String domain, EventLog feed, Function<Event, LiveEvent> toLive) {
    return Thread.ofVirtual()
        .name("live-" + domain)
        .start(() -> {
          while (running) {
            try {
              feed.follow(event -> publish(event, toLive));
            } catch (RuntimeException e) {
              log.debug(
                  "Following the {} feed failed; following again: {}", domain, e.getMessage());
            }
            pause();
          }
        });
  }

  private synchronized void publish(Event event, Function<Event, LiveEvent> toLive) {
    LiveEvent live = toLive.apply(event);
    if (keptIds.contains(live.id()) || event.at().isBefore(newest.minus(HORIZON))) {
      return;
    }
    if (event.at().isAfter(newest)) {
      newest = event.at();
    }
    kept.addLast(live);
    keptIds.add(live.id());
    if (kept.size() > KEPT) {
      keptIds.remove(kept.removeFirst().id());
    }
    subscribers.removeIf(subscriber -> !subscriber.offer(live));
  }

  private List<LiveEvent> missedSince(@Nullable String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return List.of();
    }
    if (!keptIds.contains(lastEventId)) {
      return List.of(LiveEvent.reset());
    }
    List<LiveEvent> missed = new ArrayList<>();
    boolean after = false;
    for (LiveEvent event : kept) {
      if (after) {
        missed.add(event);
      }
      after = after || event.id().equals(lastEventId);
    }
    return missed.size() < Subscriber.BACKLOG ? missed : List.of(LiveEvent.reset());
  }

  private LiveEvent ticketEvent(Event event) {
    var ticket = TicketResponse.of(tickets.ticketAfter(event));
    return new LiveEvent(
        "tickets:" + event.id(), "ticket", Map.of("type", event.type(), "ticket", ticket), null);
  }

  private LiveEvent orderEvent(Event event) {
    Order order = orders.orderAfter(event);
    return new LiveEvent(
        "orders:" + event.id(),
        "order",
        Map.of("type", event.type(), "order", OrderResponse.of(order)),
        order.userId());
  }

  private void pause() {
    try {
      Thread.sleep(REFOLLOW);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
