package dev.ticketing.bench;

import com.mongodb.client.model.Filters;
import dev.ticketing.bench.baseline.BareLoad;
import dev.ticketing.bench.baseline.FindAndModifyRate;
import dev.ticketing.bench.expiry.ExpiryStorm;
import dev.ticketing.bench.purchases.PurchaseLoad;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Level;
import dev.ticketing.bench.report.Report;
import dev.ticketing.bench.report.Row;
import dev.ticketing.bench.rush.Rush;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Shop;
import dev.ticketing.bench.stack.BenchStack;
import dev.ticketing.bench.stack.Memory;
import dev.ticketing.bench.stack.TemporalConnection;
import dev.ticketing.bench.stores.Stores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code make bench}: every phase in turn, then one table and a JSON file under bench/results. */
public final class Bench {

  private final Settings settings;
  private final BenchStack stack;
  private final Shop shop;
  private final Report report = new Report();
  private final List<Level> bare = new ArrayList<>();
  private final List<Level> purchases = new ArrayList<>();

  private Bench(Settings settings, BenchStack stack) {
    this.settings = settings;
    this.stack = stack;
    this.shop = new Shop(stack.api());
  }

  public static void main(String[] args) {
    String load = Machine.load();
    var settings = Settings.fromEnvironment();
    try (var stack = BenchStack.fromEnvironmentOrLaunch(settings.expiration())) {
      new Bench(settings, stack).run(load);
    }
    System.exit(0);
  }

  private void run(String loadAtStart) {
    System.out.println("Load average at start: " + loadAtStart);
    List<Account> sellers = shop.signUp("seller", settings.sellers(), 8);
    List<Account> buyers = shop.signUp("buyer", settings.buyers(), 8);
    try (var bareLoad = new BareLoad(stack.temporalAddress());
        var temporal = TemporalConnection.to(stack.temporalAddress());
        var stores = new Stores(stack.mongoUri())) {
      var purchaseLoad = new PurchaseLoad(shop, sellers, buyers);
      if (settings.runs("warmup")) {
        warmUp(bareLoad, purchaseLoad);
      }
      if (settings.runs("findandmodify")) {
        findAndModify();
      }
      if (settings.runs("levels")) {
        levels(bareLoad, purchaseLoad);
      }
      if (settings.runs("rush")) {
        rush(temporal, sellers.getFirst());
      }
      if (settings.runs("expiry")) {
        expiryStorm(stores, sellers, buyers);
      }
      report.detail("purchaseFailures", purchaseLoad.failures());
      reads(buyers.getFirst(), stores);
    }
    memory();
    System.out.println();
    System.out.println(report.table());
    Path file =
        report.write(Path.of("bench", "results").toAbsolutePath(), Machine.describe(loadAtStart));
    System.out.println("Figures written to " + file);
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

  /** Bare workflows and purchases level by level, so both see the machine in the same mood. */
  private void levels(BareLoad bareLoad, PurchaseLoad purchaseLoad) {
    for (int concurrency : settings.levels()) {
      int count = Settings.purchasesAt(concurrency);
      System.out.println("Concurrency " + concurrency + ": " + count + " of each...");
      Level limit = bareLoad.run(concurrency, count);
      Level level = purchaseLoad.run(concurrency, count);
      bare.add(limit);
      purchases.add(level);
      report.add(
          Row.info(
              "baseline",
              "bare workflow c=" + concurrency,
              "%.1f/s, UwS %s, Update %s"
                  .formatted(limit.perSecond(), limit.first(), limit.second())));
      report.add(
          Row.against(
              "purchases",
              "c=" + concurrency + " purchases/s",
              "%.1f/s (%.0f%% of bare)%s"
                  .formatted(
                      level.perSecond(),
                      100 * level.perSecond() / limit.perSecond(),
                      failures(level)),
              ">= 50% of bare",
              level.perSecond() >= 0.5 * limit.perSecond()));
      report.add(
          Row.against(
              "purchases",
              "c=" + concurrency + " reserve / pay",
              "reserve %s, pay %s".formatted(level.first(), level.second()),
              "reserve p99 <= 3x UwS p99 (%.0f ms)".formatted(3 * limit.first().p99()),
              level.first().p99() <= 3 * limit.first().p99()));
    }
    report.detail("bare", bare);
    report.detail("purchases", purchases);
    summarizeLevels();
  }

  private void summarizeLevels() {
    Level bestBare = best(bare);
    Level bestPurchases = best(purchases);
    double ratio = bestPurchases.perSecond() / bestBare.perSecond();
    report.add(
        Row.against(
            "purchases",
            "peak purchases/s vs peak bare/s",
            "%.1f/s (c=%d) vs %.1f/s (c=%d): %.0f%%"
                .formatted(
                    bestPurchases.perSecond(),
                    bestPurchases.concurrency(),
                    bestBare.perSecond(),
                    bestBare.concurrency(),
                    100 * ratio),
            ">= 50%",
            ratio >= 0.5));
  }

  private void rush(TemporalConnection temporal, Account seller) {
    System.out.println("On-sale rush: signing up " + settings.rushBuyers() + " buyers...");
    List<Account> crowd = shop.signUp("rush", settings.rushBuyers(), 16);
    System.out.println("On-sale rush: " + crowd.size() + " buyers, one ticket...");
    var result = new Rush(shop, temporal).run(seller, crowd, 50);
    report.detail("rush", result);
    report.add(
        Row.against(
            "rush", "winners", String.valueOf(result.winners()), "1", result.winners() == 1));
    report.add(Row.info("rush", "outcomes", result.outcomes().toString()));
    report.add(Row.info("rush", "winner's reserve", result.winner().toString()));
    report.add(Row.info("rush", "losers' answers", result.losers().toString()));
    report.add(
        Row.against(
            "rush",
            "workflows the rush started",
            "%d (%d rejected)".formatted(result.workflowsStarted(), result.rejectedWorkflows()),
            "1 (refusals start none)",
            result.workflowsStarted() == 1));
    if (purchases.isEmpty()) {
      return;
    }
    double accepted = purchases.getFirst().first().p50();
    double refused = result.refusedAlone().p50();
    report.add(
        Row.against(
            "rush",
            "refusal vs accepted reserve (alone, p50)",
            "%.1f ms vs %.1f ms: %.0fx cheaper, %d workflows"
                .formatted(
                    refused, accepted, accepted / refused, result.workflowsStartedByRefusedAlone()),
            ">= 10x, 0 workflows",
            accepted >= 10 * refused && result.workflowsStartedByRefusedAlone() == 0));
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
            "%d reserved in %d s (%d failed), at most %d pending at once, window %s"
                .formatted(
                    result.orders(),
                    result.reservedWithin().toSeconds(),
                    result.reserveFailures(),
                    result.mostPendingAtOnce(),
                    stack.expiration())));
    report.add(
        Row.against(
            "expiry",
            "listed again - expiresAt",
            "%s, max %.0f ms; %d of %d released"
                .formatted(
                    result.lateness(), result.lateness().max(), result.released(), result.orders()),
            "p99 <= 2000 ms, none early, all released",
            result.lateness().p99() <= 2000
                && result.releasedEarly() == 0
                && result.released() == result.orders()));
  }

  /** List reads once the stores hold the whole run: they filter on fields no index covers. */
  private void reads(Account buyer, Stores stores) {
    var listings = new Latencies();
    var orders = new Latencies();
    for (int i = 0; i < 20; i++) {
      listings.record(shop.available().nanos());
      orders.record(shop.orders(buyer).nanos());
    }
    String size =
        "%d tickets, %d orders stored"
            .formatted(
                stores.count("tickets", Filters.empty()), stores.count("orders", Filters.empty()));
    report.add(
        Row.info(
            "reads",
            "GET /api/tickets?limit=100 (" + size + ")",
            listings.percentiles().toString()));
    report.add(Row.info("reads", "GET /api/orders of a buyer", orders.percentiles().toString()));
  }

  private void memory() {
    long api = stack.apiPid().stream().map(Memory::peakMiB).findFirst().orElse(-1);
    long workers = stack.workersPid().stream().map(Memory::peakMiB).findFirst().orElse(-1);
    report.detail("memory", Map.of("apiPeakMiB", api, "workersPeakMiB", workers));
    report.add(
        Row.against(
            "memory",
            "peak RSS (VmHWM) API + workers",
            "%d + %d = %d MiB".formatted(api, workers, api + workers),
            "<= 1024 MiB",
            api > 0 && workers > 0 && api + workers <= 1024));
  }

  private static String failures(Level level) {
    return level.failed() == 0 ? "" : ", " + level.failed() + " failed";
  }

  private static Level best(List<Level> levels) {
    return levels.stream().max(Comparator.comparingDouble(Level::perSecond)).orElseThrow();
  }
}
