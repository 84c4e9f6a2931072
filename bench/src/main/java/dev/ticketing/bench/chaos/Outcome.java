package dev.ticketing.bench.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the buyers were told, what struck them, and what the checker found afterwards. */
public record Outcome(
    Map<String, Integer> answers, List<String> faults, Duration took, Violations violations) {

  @Override
  public String toString() {
    var text = new StringBuilder();
    text.append("Faults:\n");
    faults.forEach(fault -> text.append("  ").append(fault).append('\n'));
    text.append("What the buyers were told:\n");
    new TreeMap<>(answers)
        .forEach((answer, count) -> text.append("  %5d  %s%n".formatted(count, answer)));
    text.append("Invariants (each must be 0), checked after ")
        .append(took.toSeconds())
        .append(" s:\n");
    text.append(violations);
    return text.toString();
  }
}
