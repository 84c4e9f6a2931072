package dev.ticketing.bench.report;

/** A latency distribution, in milliseconds. */
public record Percentiles(int count, double p50, double p95, double p99, double max) {

  @Override
  public String toString() {
    return "p50 %.0f / p95 %.0f / p99 %.0f ms".formatted(p50, p95, p99);
  }
}
