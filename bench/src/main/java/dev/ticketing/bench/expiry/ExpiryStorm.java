package dev.ticketing.bench.expiry;

import com.mongodb.client.model.Filters;
import dev.ticketing.bench.load.Crowd;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Percentiles;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Reply;
import dev.ticketing.bench.shop.Shop;
import dev.ticketing.bench.stores.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.types.ObjectId;

/**
 * Reserves many tickets and pays for none; each order's workflow must then expire it and list its
 * ticket again. The lateness of a ticket is the time of its {@code TicketReleased} event (stamped
 * by the worker that recorded it) minus the order's {@code expiresAt}.
 */
public final class ExpiryStorm {

  public record Result(
      int orders,
      int reserveFailures,
      Map<String, Integer> reserveFailuresByAnswer,
      Duration reservedWithin,
      int mostPendingAtOnce,
      int released,
      int releasedEarly,
      Percentiles lateness) {}

  private record Pending(String orderId, String ticketId, Instant reservedAt, Instant expiresAt) {}

  private final Shop shop;
  private final Stores stores;

  public ExpiryStorm(Shop shop, Stores stores) {
    this.shop = shop;
    this.stores = stores;
  }

  public Result run(List<Account> sellers, List<Account> buyers, int orders, int concurrency) {
    List<String> tickets = shop.listTickets(sellers, orders);
    List<Pending> pending = Collections.synchronizedList(new ArrayList<>());
    Map<String, Integer> failures = new ConcurrentHashMap<>();
    Duration took =
        Crowd.work(
            concurrency,
            tickets,
            (client, ticket) -> {
              Reply reply = shop.reserve(buyers.get(client % buyers.size()), ticket);
              if (reply.is(201)) {
                pending.add(
                    new Pending(
                        reply.text("id"),
                        ticket,
                        Instant.now(),
                        Instant.parse(reply.text("expiresAt"))));
              } else {
                failures.merge(reply.status() + " " + reply.error(), 1, Integer::sum);
              }
            });
    awaitExpiry(pending);
    Map<String, Instant> releases = releases(pending);
    var lateness = new Latencies();
    int early = 0;
    for (Pending order : pending) {
      Instant released = releases.get(order.ticketId());
      if (released != null) {
        lateness.record(Duration.between(order.expiresAt(), released));
        early += released.isBefore(order.expiresAt()) ? 1 : 0;
      }
    }
    return new Result(
        pending.size(),
        orders - pending.size(),
        Map.copyOf(failures),
        took,
        mostAtOnce(pending, releases),
        releases.size(),
        early,
        lateness.percentiles());
  }

  /** Waits until every order is cancelled, or a minute past the last expiry. */
  private void awaitExpiry(List<Pending> pending) {
    List<ObjectId> ids = pending.stream().map(p -> new ObjectId(p.orderId())).toList();
    Instant last =
        pending.stream().map(Pending::expiresAt).max(Instant::compareTo).orElse(Instant.now());
    Instant deadline = last.plusSeconds(60);
    while (Instant.now().isBefore(deadline)) {
      long cancelled =
          stores.count(
              "orders", Filters.and(Filters.in("_id", ids), Filters.eq("status", "cancelled")));
      if (cancelled == ids.size() && Instant.now().isAfter(last)) {
        return;
      }
      sleep(Duration.ofSeconds(2));
    }
  }

  /** When each ticket was released: its {@code TicketReleased} event, by ticket id. */
  private Map<String, Instant> releases(List<Pending> pending) {
    var wanted = new HashSet<>(pending.stream().map(Pending::ticketId).toList());
    Map<String, Instant> releases = new HashMap<>();
    for (Document event : stores.events("tickets", "TicketReleased")) {
      String ticket = event.getString("aggregateId");
      if (wanted.contains(ticket)) {
        releases.merge(ticket, event.getDate("at").toInstant(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    return releases;
  }

  /** The most orders that were reserved and not yet released at the same time. */
  private static int mostAtOnce(List<Pending> pending, Map<String, Instant> releases) {
    List<Map.Entry<Instant, Integer>> changes = new ArrayList<>();
    for (Pending order : pending) {
      changes.add(Map.entry(order.reservedAt(), 1));
      Instant released = releases.get(order.ticketId());
      if (released != null) {
        changes.add(Map.entry(released, -1));
      }
    }
    changes.sort(Map.Entry.comparingByKey());
    int now = 0;
    int most = 0;
    for (var change : changes) {
      now += change.getValue();
      most = Math.max(most, now);
    }
    return most;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
