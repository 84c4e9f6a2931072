package dev.ticketing.bench.reads;

import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Percentiles;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Reply;
import dev.ticketing.bench.shop.Shop;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What a browser asks of a store of some size, each read one after another: the first page of
 * tickets for sale, a page halfway down the list, a title search, and a seller's sales. The
 * just-restarted API is first waited for until it lists tickets (it answers 503 until its catalog
 * holds every stored ticket, after it reports ready); then each read is asked until warm, then
 * timed.
 */
public final class Browsing {

  public static final String FIRST_PAGE = "GET /api/tickets?limit=100";

  /** One read's latencies, and how many answers had each status. */
  public record Read(String request, Percentiles latency, Map<Integer, Integer> statuses) {

    public boolean allOk() {
      return statuses.keySet().stream().allMatch(status -> status == 200);
    }

    @Override
    public String toString() {
      String timed = latency.count() < TIMED ? " (" + latency.count() + " timed)" : "";
      return latency + timed + (allOk() ? "" : ", answers " + statuses);
    }
  }

  /**
   * The reads at one store size; {@code reads} by a short name; {@code catalogLoaded}: how long
   * after its readiness the API first listed tickets.
   */
  public record Result(long tickets, Duration catalogLoaded, Map<String, Read> reads) {}

  private static final int WARM_UP = 50;
  private static final Duration WARM_UP_AT_MOST = Duration.ofSeconds(10);
  private static final int TIMED = 200;
  // A read taking seconds (a store scanned) still ends its turn.
  private static final Duration TIMED_AT_MOST = Duration.ofSeconds(20);
  private static final Duration CATALOG_AT_MOST = Duration.ofMinutes(5);

  private final Shop shop;

  public Browsing(Shop shop) {
    this.shop = shop;
  }

  /** The reads of a store holding {@code tickets}; {@code seller} has some of them. */
  public Result run(long tickets, Account seller) {
    Duration catalogLoaded = awaitCatalog();
    String query =
        URLEncoder.encode(
            SeededTickets.RARE_ARTIST.toLowerCase(Locale.ROOT), StandardCharsets.UTF_8);
    Map<String, Read> reads = new LinkedHashMap<>();
    reads.put("first page", time(FIRST_PAGE, () -> shop.get(null, "/api/tickets?limit=100")));
    String deep = "/api/tickets?limit=100&offset=" + tickets / 2;
    reads.put("page halfway", time("GET " + deep, () -> shop.get(null, deep)));
    String search = "/api/tickets?limit=100&q=" + query;
    reads.put("search", time("GET " + search, () -> shop.get(null, search)));
    reads.put("sales", time("GET /api/sales (seller)", () -> shop.get(seller, "/api/sales")));
    return new Result(tickets, catalogLoaded, reads);
  }

  /** Asks for one ticket every 100 ms while the API answers 503: its catalog is loading. */
  private Duration awaitCatalog() {
    long start = System.nanoTime();
    long deadline = start + CATALOG_AT_MOST.toNanos();
    while (shop.get(null, "/api/tickets?limit=1").is(503) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static Read time(String request, Supplier<Reply> read) {
    repeat(WARM_UP, WARM_UP_AT_MOST, read, new Latencies(), new TreeMap<>());
    var latencies = new Latencies();
    Map<Integer, Integer> statuses = new TreeMap<>();
    repeat(TIMED, TIMED_AT_MOST, read, latencies, statuses);
    return new Read(request, latencies.percentiles(), statuses);
  }

  private static void repeat(
      int times,
      Duration atMost,
      Supplier<Reply> read,
      Latencies latencies,
      Map<Integer, Integer> statuses) {
    long deadline = System.nanoTime() + atMost.toNanos();
    for (int i = 0; i < times && System.nanoTime() < deadline; i++) {
      Reply reply = read.get();
      latencies.record(reply.nanos());
      statuses.merge(reply.status(), 1, Integer::sum);
    }
  }
}
