package dev.ticketing.live;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import dev.ticketing.orders.Orders;
import dev.ticketing.orders.web.OrderResponse;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.payouts.SellerAccount;
import dev.ticketing.payouts.web.PayoutResponse;
import dev.ticketing.store.Event;
import dev.ticketing.store.EventLog;
import dev.ticketing.store.Following;
import dev.ticketing.tickets.TicketCatalog;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.tickets.web.TicketResponse;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.payouts.Payout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Follows the tickets, orders and payouts feeds, keeps the latest events so a browser that
 * reconnects can catch up, and hands each new event to every subscribed browser. Whatever process
 * wrote an event (the API or a worker), every API process sees it.
 */
@Component
public class LiveFeed implements SmartLifecycle {

  private static final int KEPT = 1_000;
  // Events this much older than the newest one are history, not news, when a feed is read again.
  private static final Duration HORIZON = Duration.ofMinutes(1);
  private static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);
  // Streams at once, every browser's: each holds a connection, its buffers and a queue for up to
  // 30 minutes, so a flood of them must not take the API's heap or Tomcat's 8,192 connections. The
  // web client tries again on a 503, later and later.
  static final int STREAMS = 1_000;

  private final Tickets tickets;
  private final TicketCatalog catalog;
  private final Orders orders;
  private final Payouts payouts;
  private final JsonMapper json;
  // The latest events by id, oldest first.
  private final SequencedMap<String, LiveEvent> kept = new LinkedHashMap<>();
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final List<Following> followers = new ArrayList<>();
  private Instant newest = Instant.EPOCH;
  private volatile boolean running;

  LiveFeed(
      Tickets tickets, TicketCatalog catalog, Orders orders, Payouts payouts, JsonMapper json) {
    this.tickets = tickets;
    this.catalog = catalog;
    this.orders = orders;
    this.payouts = payouts;
    this.json = json;
  }

  /**
   * A new stream for {@code user} (null when signed out). With {@code lastEventId} it first replays
   * what came after that event, or a reset when that event is no longer kept.
   */
  SseEmitter subscribe(@Nullable UserId user, @Nullable String lastEventId) {
    var emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
    Subscriber subscriber;
    synchronized (this) {
      if (subscribers.size() >= STREAMS) {
        throw new ApiException(
            HttpStatus.SERVICE_UNAVAILABLE, List.of(ApiError.of("Service unavailable")));
      }
      subscriber = new Subscriber(emitter, user, missedSince(lastEventId));
      subscribers.add(subscriber);
    }
    Runnable leave =
        () -> {
          subscriber.end();
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
    followers.add(
        follow(
            "tickets",
            tickets.events(),
            event -> catalog.apply(tickets.ticketAfter(event)),
            this::ticketEvent));
    followers.add(follow("orders", orders.events(), event -> {}, this::orderEvent));
    followers.add(follow("payouts", payouts.events(), event -> {}, this::payoutEvent));
  }

  @Override
  public void stop() {
    running = false;
    followers.forEach(Following::close);
    followers.clear();
    subscribers.forEach(Subscriber::end);
    subscribers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Hands every event of the feed to {@code record}, then the news among them to browsers. */
  private Following follow(
      String domain,
      EventLog feed,
      Consumer<Event> record,
      BiFunction<String, Event, LiveEvent> toLive) {
    Consumer<Event> listener =
        event -> {
          record.accept(event);
          publish(domain + ":" + event.id(), event, toLive);
        };
    return Following.start("live-" + domain, feed, listener, () -> {});
  }

  /** Hands on an event not heard before; a feed read again repeats what is kept, cheaply. */
  private synchronized void publish(
      String id, Event event, BiFunction<String, Event, LiveEvent> toLive) {
    if (kept.containsKey(id) || event.at().isBefore(newest.minus(HORIZON))) {
      return;
    }
    if (event.at().isAfter(newest)) {
      newest = event.at();
    }
    LiveEvent live = toLive.apply(id, event);
    kept.put(id, live);
    if (kept.size() > KEPT) {
      kept.pollFirstEntry();
    }
    subscribers.removeIf(subscriber -> !subscriber.offer(live));
  }

  private List<LiveEvent> missedSince(@Nullable String lastEventId) {
    if (lastEventId == null || lastEventId.isBlank()) {
      return List.of();
    }
    if (!kept.containsKey(lastEventId)) {
      return List.of(LiveEvent.reset());
    }
    List<LiveEvent> missed = new ArrayList<>();
    boolean after = false;
    for (LiveEvent event : kept.values()) {
      if (after) {
        missed.add(event);
      }
      after = after || event.id().equals(lastEventId);
    }
    return missed.size() < Subscriber.BACKLOG ? missed : List.of(LiveEvent.reset());
  }

  private LiveEvent ticketEvent(String id, Event event) {
    var ticket = TicketResponse.of(tickets.ticketAfter(event));
    return new LiveEvent(
        id,
        "ticket",
        json.writeValueAsString(Map.of("type", event.type(), "ticket", ticket)),
        null);
  }

  private LiveEvent orderEvent(String id, Event event) {
    Order order = orders.orderAfter(event);
    var data = Map.of("type", event.type(), "order", OrderResponse.of(order));
    return new LiveEvent(id, "order", json.writeValueAsString(data), order.userId());
  }

  /** A payout's news, or its seller's account's, for that seller only. */
  private LiveEvent payoutEvent(String id, Event event) {
    if (Payouts.isPayoutEvent(event)) {
      Payout payout = payouts.payoutAfter(event);
      var data = Map.of("type", event.type(), "payout", PayoutResponse.of(payout));
      return new LiveEvent(id, "payout", json.writeValueAsString(data), payout.sellerId());
    }
    SellerAccount account = payouts.accountAfter(event);
    var shown = Map.of("status", account.status(), "accountId", account.accountId());
    var data = Map.of("type", event.type(), "account", shown);
    return new LiveEvent(id, "account", json.writeValueAsString(data), account.id());
  }
}
