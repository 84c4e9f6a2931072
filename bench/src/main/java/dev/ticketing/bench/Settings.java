package dev.ticketing.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** What a bench run does, from the environment, with the figures as defaults. */
record Settings(
    List<Integer> levels,
    int sellers,
    int rushBuyers,
    int expiryOrders,
    Duration expiration,
    List<Integer> storeSizes,
    Set<String> phases) {

  static final String ALL_PHASES = "warmup,findandmodify,untuned,levels,rush,expiry,reads";

  static Settings fromEnvironment() {
    return new Settings(
        integers(env("BENCH_LEVELS", "1,2,4,8,16,32,64")),
        Integer.parseInt(env("BENCH_SELLERS", "16")),
        Integer.parseInt(env("BENCH_RUSH_BUYERS", "1000")),
        Integer.parseInt(env("BENCH_EXPIRY_ORDERS", "1000")),
        Duration.parse(env("BENCH_EXPIRATION", "PT20S")),
        integers(env("BENCH_STORE_SIZES", "1000,10000,100000")),
        Set.of(env("BENCH_PHASES", ALL_PHASES).split(",")));
  }

  boolean runs(String phase) {
    return phases.contains(phase);
  }

  int buyers() {
    return levels.stream().mapToInt(Integer::intValue).max().orElse(1);
  }

  /** Enough purchases at each level for its percentiles to mean something, and no more. */
  static int purchasesAt(int concurrency) {
    return Math.max(40, 6 * concurrency);
  }

  private static List<Integer> integers(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::parseInt).toList();
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
