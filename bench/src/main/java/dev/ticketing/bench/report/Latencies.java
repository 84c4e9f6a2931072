package dev.ticketing.bench.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Durations recorded by many threads; percentiles once they are done. */
public final class Latencies {

  private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

  public void record(long elapsedNanos) {
    nanos.add(elapsedNanos);
  }

  public void record(Duration elapsed) {
    record(elapsed.toNanos());
  }

  public int count() {
    return nanos.size();
  }

  public Percentiles percentiles() {
    List<Long> sorted;
    synchronized (nanos) {
      sorted = new ArrayList<>(nanos);
    }
    Collections.sort(sorted);
    return new Percentiles(
        sorted.size(),
        millis(sorted, 0.50),
        millis(sorted, 0.95),
        millis(sorted, 0.99),
        sorted.isEmpty() ? 0 : sorted.getLast() / 1e6);
  }

  /** Nearest-rank percentile, in milliseconds. */
  private static double millis(List<Long> sorted, double quantile) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int rank = (int) Math.ceil(quantile * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1e6;
  }
}
