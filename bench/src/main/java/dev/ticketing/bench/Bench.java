package dev.ticketing.bench;

import dev.ticketing.bench.baseline.BareLoad;
import dev.ticketing.bench.baseline.FindAndModifyRate;
import dev.ticketing.bench.expiry.ExpiryStorm;
import dev.ticketing.bench.purchases.PurchaseLoad;
import dev.ticketing.bench.reads.Browsing;
import dev.ticketing.bench.reads.SeededTickets;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Level;
import dev.ticketing.bench.report.Report;
import dev.ticketing.bench.report.Row;
import dev.ticketing.bench.roundtrips.RoundTrips;
import dev.ticketing.bench.roundtrips.StoreCounters;
import dev.ticketing.bench.rush.Rush;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Shop;
import dev.ticketing.bench.stack.BenchStack;
import dev.ticketing.bench.stack.Memory;
import dev.ticketing.bench.stack.TemporalConnection;
import dev.ticketing.bench.stores.Stores;
import dev.ticketing.workflows.UserId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** {@code make bench}: every phase in turn, then one table and a JSON file under bench/results. */
public final class Bench {

  // The targets.
  private static final double SHARE_OF_BARE = 0.70;
  private static final double ROUND_TRIPS_PER_CHANGE = 3;
  private static final double FIRST_PAGE_P99_MILLIS = 50;
  private static final double FLAT_P50_RATIO = 2;
  private static final double LOSERS_P99_MILLIS = 500;
  private static final long MEMORY_MIB = 870;
  private static final int SALES_SELLER_TICKETS = 50;

  private final Settings settings;
  private final BenchStack stack;
  private final Shop shop;
  private final Report report = new Report();
  private final List<Level> bare = new ArrayList<>();
  private final List<Level> bareUntuned = new ArrayList<>();
  private final List<Level> purchases = new ArrayList<>();
  private final Map<String, RoundTrips> roundTrips = new LinkedHashMap<>();
  private final List<Browsing.Result> browsing = new ArrayList<>();
  private @Nullable Level untunedPurchases;

  private Bench(Settings settings, BenchStack stack) {
    this.settings = settings;
    this.stack = stack;
    this.shop = new Shop(stack.api());
  }

  public static void main(String[] args) {
    String load = Machine.load();
    var settings = Settings.fromEnvironment();
    try (var stack =
        BenchStack.fromEnvironmentOrLaunch(settings.expiration(), settings.runs("untuned"))) {
      new Bench(settings, stack).run(load);
    }
    System.exit(0);
  }

  private void run(String loadAtStart) {
    System.out.println("Load average at start: " + loadAtStart);
    List<Account> sellers = shop.signUp("seller", settings.sellers(), 8);
    List<Account> buyers = shop.signUp("buyer", settings.buyers(), 8);
    Optional<String> untunedAddress = stack.untunedTemporalAddress();
    try (var bareLoad = new BareLoad(stack.temporalAddress());
        var untunedBareLoad = untunedAddress.map(BareLoad::new).orElse(null);
        var temporal = TemporalConnection.to(stack.temporalAddress());
        var stores = new Stores(stack.mongoUri());
        var seeded = new SeededTickets(stack.mongoUri())) {
      var purchaseLoad = new PurchaseLoad(shop, sellers, buyers);
      boolean reads = settings.runs("reads") && stack.isOurs();
      Account salesSeller = shop.signUp("sales");
      if (reads) {
        readsAt(settings.storeSizes().getFirst(), seeded, salesSeller);
      }
      if (untunedAddress.isPresent()) {
        untunedPurchases(untunedAddress.get(), purchaseLoad);
      }
      if (settings.runs("warmup")) {
        warmUp(bareLoad, purchaseLoad);
      }
      if (settings.runs("findandmodify")) {
        findAndModify();
      }
      if (settings.runs("levels")) {
        roundTrips("purchases", () -> levels(bareLoad, untunedBareLoad, purchaseLoad));
      }
      if (settings.runs("rush")) {
        System.out.println("On-sale rush: signing up " + settings.rushBuyers() + " buyers...");
        List<Account> crowd =
            roundTrips("sign-ups", () -> shop.signUp("rush", settings.rushBuyers(), 16));
        roundTrips("rush", () -> rush(temporal, sellers.getFirst(), crowd));
      }
      if (settings.runs("expiry")) {
        roundTrips("storm", () -> expiryStorm(stores, sellers, buyers));
      }
      // Before any further seeding: 100,000 tickets in the API would be a figure of their own.
      memory();
      ordersOfABuyer(buyers.getFirst());
      report.detail("purchaseFailures", purchaseLoad.failures());
      if (reads) {
        settings.storeSizes().stream().skip(1).forEach(size -> readsAt(size, seeded, salesSeller));
        reportReads();
        apiMemoryAfterReads();
      } else if (settings.runs("reads")) {
        report.add(Row.info("reads", "store sizes", "skipped: needs a stack of our own"));
      }
    }
    System.out.println();
    System.out.println(report.table());
    Path file =
        report.write(Path.of("bench", "results").toAbsolutePath(), Machine.describe(loadAtStart));
    System.out.println("Figures written to " + file);
  }

  /**
   * The c=1 purchase on the untuned dev server, before anything else runs on the tuned one: the API
   * and the workers are moved to it, warmed up, measured, and moved back.
   */
  private void untunedPurchases(String untunedAddress, PurchaseLoad purchaseLoad) {
    System.out.println("Untuned dev server: restarting the API and workers on it...");
    stack.restartApps(untunedAddress);
    purchaseLoad.run(4, 40);
    System.out.println("Untuned dev server: purchases at c=1...");
    untunedPurchases = purchaseLoad.run(1, Settings.purchasesAt(1));
    report.detail("purchasesUntuned", untunedPurchases);
    System.out.println("Untuned dev server: moving the API and workers back to the tuned one...");
    stack.restartApps(stack.temporalAddress());
  }

  private void warmUp(BareLoad bareLoad, PurchaseLoad purchaseLoad) {
    System.out.println("Warming up (JIT, pools)...");
    bareLoad.run(4, 40);
    purchaseLoad.run(4, 40);
  }

  private void findAndModify() {
    System.out.println("FerretDB findAndModify...");
    for (int concurrency : List.of(1, 16)) {
      var rate = FindAndModifyRate.measure(stack.mongoUri(), concurrency, 400 * concurrency);
      report.detail("findAndModify-" + concurrency, rate);
      report.add(
          Row.info(
              "baseline",
              "FerretDB findAndModify, " + concurrency + " at a time",
              "%.0f/s, %s".formatted(rate.perSecond(), rate.latency())));
    }
  }

  /**
   * Bare workflows (on the untuned server, then the tuned one) and purchases level by level, so all
   * three see the machine in the same mood. The untuned one goes first: the tuned server is still
   * firing the previous level's purchases' timers (activity timeouts, expiries) for a while, and
   * its bare workflow, measured straight after them, came out up to half slower (at c=16 and 32)
   * than the same server measured second.
   */
  private void levels(
      BareLoad bareLoad, @Nullable BareLoad untunedBareLoad, PurchaseLoad purchaseLoad) {
    if (untunedBareLoad != null) {
      untunedBareLoad.run(4, 40); // its worker's warm-up
    }
    for (int concurrency : settings.levels()) {
      int count = Settings.purchasesAt(concurrency);
      System.out.println("Concurrency " + concurrency + ": " + count + " of each...");
      @Nullable Level untuned =
          untunedBareLoad == null ? null : untunedBareLoad.run(concurrency, count);
      Level limit = bareLoad.run(concurrency, count);
      bare.add(limit);
      report.add(bareRow(limit, "tuned"));
      if (untuned != null) {
        bareUntuned.add(untuned);
        report.add(bareRow(untuned, "untuned"));
      }
      if (concurrency == 1) {
        // What Temporal adds when tickets and payments activities are not eager, as in the order
        // workflow: the purchase's own floor at c=1, beside the target's all-eager one.
        Level domainQueues = bareLoad.runOnDomainQueues(concurrency, count);
        report.detail("bareOnDomainQueues", domainQueues);
        report.add(bareRow(domainQueues, "tuned, the order workflow's task queues"));
      }
      Level level = purchaseLoad.run(concurrency, count);
      purchases.add(level);
      double share = level.perSecond() / limit.perSecond();
      report.add(
          Row.against(
              "purchases",
              "c=" + concurrency + " purchases/s",
              "%.1f/s (%.0f%% of bare)%s"
                  .formatted(level.perSecond(), 100 * share, failures(level)),
              ">= %.0f%% of bare".formatted(100 * SHARE_OF_BARE),
              share >= SHARE_OF_BARE));
      report.add(
          Row.info(
              "purchases",
              "c=" + concurrency + " reserve / pay",
              "reserve %s, pay %s".formatted(level.first(), level.second())));
      if (concurrency == 1 && untunedPurchases != null) {
        report.add(
            Row.info(
                "purchases",
                "c=1 reserve / pay, untuned server",
                "reserve %s, pay %s%s"
                    .formatted(
                        untunedPurchases.first(),
                        untunedPurchases.second(),
                        failures(untunedPurchases))));
      }
    }
    report.detail("bare", bare);
    report.detail("bareUntuned", bareUntuned);
    report.detail("purchases", purchases);
    report.detail(
        "temporalOptions",
        Map.of(
            "tuned", BenchStack.temporalOptions(),
            "untuned", BenchStack.untunedTemporalOptions()));
    summarizeLevels();
  }

  private static Row bareRow(Level level, String server) {
    return Row.info(
        "baseline",
        "bare workflow c=" + level.concurrency() + ", " + server,
        "%.1f/s, UwS %s, Update %s%s"
            .formatted(level.perSecond(), level.first(), level.second(), failures(level)));
  }

  private void summarizeLevels() {
    Level bestBare = best(bare);
    Level bestPurchases = best(purchases);
    report.add(
        Row.info(
            "purchases",
            "peak purchases/s vs peak bare/s",
            "%.1f/s (c=%d) vs %.1f/s (c=%d): %.0f%%"
                .formatted(
                    bestPurchases.perSecond(),
                    bestPurchases.concurrency(),
                    bestBare.perSecond(),
                    bestBare.concurrency(),
                    100 * bestPurchases.perSecond() / bestBare.perSecond())));
  }

  private void roundTrips(String phase, Runnable run) {
    roundTrips(
        phase,
        () -> {
          run.run();
          return phase;
        });
  }

  /** Runs a phase, then reports the round trips per store change its changes took. */
  private <T> T roundTrips(String phase, Supplier<T> run) {
    Optional<StoreCounters> before = StoreCounters.read(stack.managementUris());
    T result = run.get();
    Optional<StoreCounters> after = StoreCounters.read(stack.managementUris());
    String figure = "FerretDB round trips per store change, " + phase;
    if (before.isEmpty() || after.isEmpty()) {
      report.add(Row.info("stores", figure, "unknown: a process's metrics did not answer"));
      return result;
    }
    RoundTrips trips = after.get().since(before.get());
    roundTrips.put(phase, trips);
    report.detail("roundTrips", roundTrips);
    report.add(
        Row.against(
            "stores",
            figure,
            trips.toString(),
            "<= %.0f, every domain".formatted(ROUND_TRIPS_PER_CHANGE),
            trips.overall().changes() > 0 && trips.worstDomain() <= ROUND_TRIPS_PER_CHANGE));
    return result;
  }

  private void rush(TemporalConnection temporal, Account seller, List<Account> crowd) {
    System.out.println("On-sale rush: " + crowd.size() + " buyers, one ticket...");
    var result = new Rush(shop, temporal).run(seller, crowd, 50);
    report.detail("rush", result);
    report.add(
        Row.against(
            "rush", "winners", String.valueOf(result.winners()), "1", result.winners() == 1));
    report.add(Row.info("rush", "outcomes", result.outcomes().toString()));
    report.add(Row.info("rush", "winner's reserve", result.winner().toString()));
    report.add(
        Row.against(
            "rush",
            "losers' answers",
            result.losers().toString(),
            "p99 <= %.0f ms".formatted(LOSERS_P99_MILLIS),
            result.losers().count() > 0 && result.losers().p99() <= LOSERS_P99_MILLIS));
    report.add(
        Row.against(
            "rush",
            "workflows the rush started",
            "%d (%d rejected)".formatted(result.workflowsStarted(), result.rejectedWorkflows()),
            "1",
            result.workflowsStarted() == 1));
    if (purchases.isEmpty()) {
      return;
    }
    double accepted = purchases.getFirst().first().p50();
    double refused = result.refusedAlone().p50();
    report.add(
        Row.info(
            "rush",
            "refusal vs accepted reserve (alone, p50)",
            "%.1f ms vs %.1f ms: %.0fx cheaper, %d workflows"
                .formatted(
                    refused,
                    accepted,
                    accepted / refused,
                    result.workflowsStartedByRefusedAlone())));
  }

  private void expiryStorm(Stores stores, List<Account> sellers, List<Account> buyers) {
    if (stack.expiration() == null || stack.expiration().toSeconds() > 60) {
      report.add(Row.info("expiry", "storm", "skipped: the stack's expiration is unknown or long"));
      return;
    }
    System.out.println("Expiry storm: " + settings.expiryOrders() + " orders left unpaid...");
    var result = new ExpiryStorm(shop, stores).run(sellers, buyers, settings.expiryOrders(), 32);
    report.detail("expiry", result);
    report.add(
        Row.info(
            "expiry",
            "orders left to expire",
            "%d reserved in %d s (%d failed: %s), at most %d pending at once, window %s"
                .formatted(
                    result.orders(),
                    result.reservedWithin().toSeconds(),
                    result.reserveFailures(),
                    result.reserveFailuresByAnswer(),
                    result.mostPendingAtOnce(),
                    stack.expiration())));
    report.add(
        Row.info(
            "expiry",
            "listed again - expiresAt",
            "%s, max %.0f ms; %d of %d released, %d early"
                .formatted(
                    result.lateness(),
                    result.lateness().max(),
                    result.released(),
                    result.orders(),
                    result.releasedEarly())));
  }

  /**
   * Seeds the tickets store up to {@code size} tickets ({@link #SALES_SELLER_TICKETS} of them the
   * seller's), restarts the API so that it loads them, and times the browsing reads.
   */
  private void readsAt(int size, SeededTickets seeded, Account salesSeller) {
    try {
      seedAndRead(size, seeded, salesSeller);
    } catch (RuntimeException e) { // the figures measured so far are still worth their table
      report.add(Row.info("reads", "at %,d tickets".formatted(size), "failed: " + e));
    }
  }

  private void seedAndRead(int size, SeededTickets seeded, Account salesSeller) {
    long stored = seeded.count();
    if (stored > size) {
      report.add(
          Row.info(
              "reads",
              "at %,d tickets".formatted(size),
              "skipped: the store holds %,d already".formatted(stored)));
      return;
    }
    System.out.println("Reads at " + size + " tickets: seeding " + (size - stored) + "...");
    long start = System.nanoTime();
    int forSeller = browsing.isEmpty() ? SALES_SELLER_TICKETS : 0;
    seeded.add(forSeller, List.of(new UserId(salesSeller.id())));
    seeded.add(size - (int) stored - forSeller, SeededTickets.strangers(size / 50));
    long seededIn = (System.nanoTime() - start) / 1_000_000;
    System.out.println(
        "Reads at " + size + " tickets: seeded in " + seededIn + " ms; restarting the API...");
    stack.restartApi();
    // Not counted again: FerretDB counts by reading every document, longer than a socket waits.
    var result = new Browsing(shop).run(size, salesSeller);
    browsing.add(result);
    System.out.println("  catalog loaded after " + result.catalogLoaded().toMillis() + " ms");
    result.reads().forEach((name, read) -> System.out.println("  " + name + ": " + read));
  }

  /** The reads' rows, together at the end whenever each size was measured. */
  private void reportReads() {
    report.detail("reads", browsing);
    for (Browsing.Result result : browsing) {
      String size = "%,d tickets".formatted(result.tickets());
      report.add(
          Row.info(
              "reads",
              "API restarted: tickets listed (catalog loaded) at " + size,
              "%.1f s after its readiness".formatted(result.catalogLoaded().toMillis() / 1000.0)));
      result
          .reads()
          .forEach((name, read) -> {
            String figure = read.request() + " at " + size;
            report.add(
                name.equals("first page")
                    ? Row.against(
                        "reads",
                        figure,
                        read.toString(),
                        "p99 <= %.0f ms".formatted(FIRST_PAGE_P99_MILLIS),
                        read.allOk() && read.latency().p99() <= FIRST_PAGE_P99_MILLIS)
                    : Row.info("reads", figure, read.toString()));
          });
    }
    if (browsing.size() > 1) {
      Browsing.Read smallest = browsing.getFirst().reads().get("first page");
      Browsing.Read largest = browsing.getLast().reads().get("first page");
      double ratio = largest.latency().p50() / smallest.latency().p50();
      report.add(
          Row.against(
              "reads",
              "first page p50, %,d vs %,d tickets"
                  .formatted(browsing.getLast().tickets(), browsing.getFirst().tickets()),
              "%.1f vs %.1f ms: %.1fx"
                  .formatted(largest.latency().p50(), smallest.latency().p50(), ratio),
              "<= %.0fx (flat)".formatted(FLAT_P50_RATIO),
              ratio <= FLAT_P50_RATIO));
    }
  }

  private void ordersOfABuyer(Account buyer) {
    var orders = new Latencies();
    for (int i = 0; i < 20; i++) {
      orders.record(shop.orders(buyer).nanos());
    }
    report.add(Row.info("reads", "GET /api/orders of a buyer", orders.percentiles().toString()));
  }

  /** The peak of the API and the workers so far: after the rush and the storm, before seeding. */
  private void memory() {
    long api = stack.apiPid().stream().map(Memory::peakMiB).findFirst().orElse(-1);
    long workers = stack.workersPid().stream().map(Memory::peakMiB).findFirst().orElse(-1);
    report.detail("memory", Map.of("apiPeakMiB", api, "workersPeakMiB", workers));
    report.add(
        Row.against(
            "memory",
            "peak RSS (VmHWM) API + workers",
            "%d + %d = %d MiB".formatted(api, workers, api + workers),
            "<= %d MiB".formatted(MEMORY_MIB),
            api > 0 && workers > 0 && api + workers <= MEMORY_MIB));
  }

  /** The API's peak since its last restart: with the largest store loaded, and its reads. */
  private void apiMemoryAfterReads() {
    long api = stack.apiPid().stream().map(Memory::peakMiB).findFirst().orElse(-1);
    report.detail("apiPeakMiBAfterReads", api);
    report.add(
        Row.info(
            "memory",
            "API peak RSS (VmHWM) with %,d tickets stored, after its reads"
                .formatted(browsing.isEmpty() ? 0 : browsing.getLast().tickets()),
            api + " MiB"));
  }

  private static String failures(Level level) {
    return level.failed() == 0 ? "" : ", " + level.failed() + " failed";
  }

  private static Level best(List<Level> levels) {
    return levels.stream().max(Comparator.comparingDouble(Level::perSecond)).orElseThrow();
  }
}
