package dev.ticketing.bench.purchases;

import dev.ticketing.bench.load.Crowd;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Level;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Reply;
import dev.ticketing.bench.shop.Shop;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many sellers' tickets bought by many buyers: each purchase is {@code POST /api/orders} then
 * {@code POST /api/payments} with {@code tok_visa}, every client its own buyer.
 */
public final class PurchaseLoad {

  private final Shop shop;
  private final List<Account> sellers;
  private final List<Account> buyers;
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  public PurchaseLoad(Shop shop, List<Account> sellers, List<Account> buyers) {
    this.shop = shop;
    this.sellers = sellers;
    this.buyers = buyers;
  }

  /** {@code count} purchases of fresh tickets, {@code concurrency} at a time. */
  public Level run(int concurrency, int count) {
    List<String> tickets = shop.listTickets(sellers, count);
    var reserves = new Latencies();
    var payments = new Latencies();
    var failed = new AtomicInteger();
    Duration took =
        Crowd.work(
            concurrency,
            tickets,
            (client, ticket) -> {
              if (!purchase(buyers.get(client % buyers.size()), ticket, reserves, payments)) {
                failed.incrementAndGet();
              }
            });
    int completed = payments.count();
    return new Level(
        concurrency,
        completed,
        failed.get(),
        completed / (took.toNanos() / 1e9),
        reserves.percentiles(),
        payments.percentiles());
  }

  /** What went wrong, by status and message, across every run so far. */
  public Map<String, Integer> failures() {
    return Map.copyOf(failures);
  }

  private boolean purchase(Account buyer, String ticket, Latencies reserves, Latencies payments) {
    Reply order = shop.reserve(buyer, ticket);
    if (!order.is(201)) {
      return failed("reserve", order);
    }
    reserves.record(order.nanos());
    Reply payment = shop.pay(buyer, order.text("id"), "tok_visa");
    if (!payment.is(201)) {
      return failed("pay", payment);
    }
    payments.record(payment.nanos());
    return true;
  }

  private boolean failed(String step, Reply reply) {
    failures.merge(step + " " + reply.status() + " " + reply.error(), 1, Integer::sum);
    return false;
  }
}
