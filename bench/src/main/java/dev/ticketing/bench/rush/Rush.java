package dev.ticketing.bench.rush;

import dev.ticketing.bench.load.Crowd;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Percentiles;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Reply;
import dev.ticketing.bench.shop.Shop;
import dev.ticketing.bench.shop.Tab;
import dev.ticketing.bench.stack.TemporalConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every buyer asks for the same ticket at once. One may win; every other must be refused, and a
 * refusal should cost a read, not a workflow. Then a few more buyers try one after another, to
 * price a refusal without the crowd around it. Before the sale opens each buyer has the page open,
 * signed in ({@code GET /api/users/currentuser}), as a browser waiting for it would, and so a
 * connection to the API of its own (a {@link Tab}): the rush measures the answers, not a thousand
 * handshakes.
 */
public final class Rush {

  /** What the rush did; {@code refusedAlone} is the latency of a refusal with nobody else about. */
  public record Result(
      int buyers,
      int winners,
      Map<String, Integer> outcomes,
      Percentiles winner,
      Percentiles losers,
      long workflowsStarted,
      long rejectedWorkflows,
      Percentiles refusedAlone,
      long workflowsStartedByRefusedAlone) {}

  private final Shop shop;
  private final TemporalConnection temporal;

  public Rush(Shop shop, TemporalConnection temporal) {
    this.shop = shop;
    this.temporal = temporal;
  }

  public Result run(Account seller, List<Account> buyers, int lateBuyers) {
    String ticket = shop.list(seller, "On-sale rush", "99.00");
    var winner = new Latencies();
    var losers = new Latencies();
    Map<String, Integer> outcomes = new ConcurrentHashMap<>();
    warmUp(seller, buyers);
    List<Tab> tabs = buyers.stream().map(shop::open).toList();
    long started;
    long rejected;
    var alone = new Latencies();
    try {
      open(tabs);
      String order = "{\"ticketId\":\"" + ticket + "\"}";
      Crowd.rush(
          tabs.size(),
          i -> {
            Reply reply = tabs.get(i).post("/api/orders", order);
            (reply.is(201) ? winner : losers).record(reply.nanos());
            outcomes.merge(reply.status() + " " + reply.error(), 1, Integer::sum);
          });
      started = settledCount("TicketId='" + ticket + "'");
      rejected = settledCount("TicketId='" + ticket + "' AND OrderStatus='rejected'");
      for (Tab late : tabs.subList(0, Math.min(lateBuyers, tabs.size()))) {
        late.get("/api/users/currentuser"); // its page open again: the 400 closed the connection
        alone.record(late.post("/api/orders", order).nanos());
      }
    } finally {
      tabs.forEach(Tab::close);
    }
    long afterwards = settledCount("TicketId='" + ticket + "'");
    return new Result(
        buyers.size(),
        winner.count(),
        Map.copyOf(outcomes),
        winner.percentiles(),
        losers.percentiles(),
        started,
        rejected,
        alone.percentiles(),
        afterwards - started);
  }

  /**
   * The API's refusal path compiled, as an API that has been serving a while has it: the crowd is
   * refused another, taken ticket twice over, 16 at a time. A cold one spent the rush compiling.
   */
  private void warmUp(Account seller, List<Account> buyers) {
    String taken = shop.list(seller, "Warm-up", "1.00");
    shop.reserve(buyers.getFirst(), taken);
    var refused = new ArrayList<>(buyers.subList(1, buyers.size()));
    refused.addAll(refused);
    Crowd.work(16, refused, (client, buyer) -> shop.reserve(buyer, taken));
  }

  /** Every buyer opens the sale's page, signed in: a connection each, open when the sale does. */
  private static void open(List<Tab> tabs) {
    var unopened = new AtomicInteger();
    Crowd.rush(
        tabs.size(),
        i -> {
          if (!tabs.get(i).get("/api/users/currentuser").is(200)) {
            unopened.incrementAndGet();
          }
        });
    if (unopened.get() > 0) {
      System.err.println(
          "  " + unopened + " buyers' pages did not open: their rush answers include a handshake");
    }
  }

  /** Visibility trails the workflows; counts until two reads a second apart agree. */
  private long settledCount(String query) {
    Instant deadline = Instant.now().plusSeconds(30);
    long previous = -1;
    while (Instant.now().isBefore(deadline)) {
      long count = temporal.count(query);
      if (count == previous) {
        return count;
      }
      previous = count;
      sleep(Duration.ofSeconds(1));
    }
    return previous;
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
