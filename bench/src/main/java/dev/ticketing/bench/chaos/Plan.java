package dev.ticketing.bench.chaos;

import java.time.Duration;

/**
 * How much goes on and what goes wrong: purchases (a third paid, a third cancelled, a third left to
 * expire), how many at a time, and which faults strike while they are in flight.
 */
public record Plan(
    int purchases,
    int concurrency,
    boolean killWorkers,
    boolean restartTemporal,
    Duration ferretDbOutage) {

  /** {@code make chaos}: several hundred purchases, and every fault. */
  public static Plan full() {
    return new Plan(300, 16, true, true, Duration.ofSeconds(10));
  }

  /** The version {@code make test} runs: a few dozen purchases and one kill of the workers. */
  public static Plan quick() {
    return new Plan(30, 6, true, false, Duration.ZERO);
  }
}
