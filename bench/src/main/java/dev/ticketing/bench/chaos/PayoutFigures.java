package dev.ticketing.bench.chaos;

import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Percentiles;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What became of the sellers' payouts: how many complete orders, payouts scheduled, and each status
 * now; how many were paid after awaiting an account; how many disputes froze, reversed or made a
 * payout pay again; and how late each first transfer of an undisputed payout was after the moment
 * it could be made (released, into an active account), which API.md bounds at 5 s.
 */
public record PayoutFigures(
    long completeOrders,
    long scheduled,
    Map<String, Long> byStatus,
    long paidAfterAwaiting,
    long frozen,
    long reversed,
    long paidAgain,
    Percentiles lateness,
    long onTime) {

  private static final Duration PROMISED = Duration.ofSeconds(5);

  static PayoutFigures of(PayoutChecks stored) {
    Map<String, Long> byStatus = new TreeMap<>();
    var lateness = new Latencies();
    long paidAfterAwaiting = 0;
    long onTime = 0;
    for (Aggregate payout : stored.payouts().values()) {
      byStatus.merge(String.valueOf(payout.field("status")), 1L, Long::sum);
      Instant paidAt = payout.reached("PAID");
      Instant payable = stored.payableSince(payout);
      if (paidAt != null && payable != null && payout.count("PayoutFrozen") == 0) {
        Duration late = Duration.between(payable, paidAt);
        lateness.record(late);
        onTime += late.compareTo(PROMISED) <= 0 ? 1 : 0;
      }
      if (paidAt != null && payout.reached("AWAITING_ACCOUNT") != null) {
        paidAfterAwaiting++;
      }
    }
    long complete =
        stored.orders().values().stream()
            .filter(order -> "COMPLETE".equals(order.field("status")))
            .count();
    return new PayoutFigures(
        complete,
        stored.payouts().values().stream().filter(p -> p.count("PayoutScheduled") > 0).count(),
        byStatus,
        paidAfterAwaiting,
        count(stored, "PayoutFrozen"),
        count(stored, "PayoutReversed"),
        stored.payouts().values().stream().filter(p -> p.count("PayoutSent") > 1).count(),
        lateness.percentiles(),
        onTime);
  }

  /** How many payouts have an event of this type. */
  private static long count(PayoutChecks stored, String eventType) {
    return stored.payouts().values().stream().filter(p -> p.count(eventType) > 0).count();
  }

  public long paid() {
    return byStatus.getOrDefault("PAID", 0L);
  }

  public long awaiting() {
    return byStatus.getOrDefault("AWAITING_ACCOUNT", 0L);
  }

  @Override
  public String toString() {
    return """
    Payouts:
      complete orders %d, payouts scheduled %d
      paid %d (%d of them after awaiting an account), awaiting an account %d; by status %s
      disputed: %d frozen, %d transfers reversed, %d paid again after a reversal
      first transfer of an undisputed payout after it could be made (releaseAt, or the
      account's activation if later):
        %s, max %.0f ms; %d of %d within %d s
    """
        .formatted(
            completeOrders,
            scheduled,
            paid(),
            paidAfterAwaiting,
            awaiting(),
            byStatus,
            frozen,
            reversed,
            paidAgain,
            lateness,
            lateness.max(),
            onTime,
            lateness.count(),
            PROMISED.toSeconds());
  }
}
