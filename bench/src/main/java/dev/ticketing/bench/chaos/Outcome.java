package dev.ticketing.bench.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the buyers and sellers were told, what struck them, what became of the payouts and the
 * emails, and what the checker found afterwards.
 */
public record Outcome(
    Map<String, Integer> answers,
    List<String> timeline,
    Duration took,
    PayoutFigures payouts,
    EmailFigures emails,
    Violations violations) {

  @Override
  public String toString() {
    var text = new StringBuilder();
    text.append("Faults, and sellers opening payout accounts:\n");
    timeline.forEach(moment -> text.append("  ").append(moment).append('\n'));
    text.append("What the buyers and sellers were told:\n");
    new TreeMap<>(answers)
        .forEach((answer, count) -> text.append("  %5d  %s%n".formatted(count, answer)));
    text.append(payouts);
    text.append(emails);
    text.append("Invariants (each must be 0), checked after ")
        .append(took.toSeconds())
        .append(" s:\n");
    text.append(violations);
    return text.toString();
  }
}
