package dev.ticketing.bench.roundtrips;

import java.util.Map;
import java.util.stream.Collectors;

/** Store changes and the database commands they sent, by domain, over some stretch of a run. */
public record RoundTrips(Map<String, Count> byDomain) {

  public record Count(long changes, long commands) {

    public double perChange() {
      return changes == 0 ? 0 : (double) commands / changes;
    }
  }

  public Count overall() {
    return new Count(
        byDomain.values().stream().mapToLong(Count::changes).sum(),
        byDomain.values().stream().mapToLong(Count::commands).sum());
  }

  /** The most round trips a change of any one domain took on average. */
  public double worstDomain() {
    return byDomain.values().stream().mapToDouble(Count::perChange).max().orElse(0);
  }

  @Override
  public String toString() {
    Count overall = overall();
    return "%.2f per change (%d changes); %s"
        .formatted(
            overall.perChange(),
            overall.changes(),
            byDomain.entrySet().stream()
                .map(e -> "%s %.2f".formatted(e.getKey(), e.getValue().perChange()))
                .collect(Collectors.joining(", ")));
  }
}
