package dev.ticketing.bench.chaos;

import java.time.Duration;
import java.util.Map;

/**
 * How much goes on and what goes wrong: purchases (a third paid, a third cancelled, a third left to
 * expire), how many at a time, and which faults strike while they are in flight. Their sellers'
 * payouts are released {@code payoutHold} after each sale: some sellers open their payout account
 * before selling, one more at each fault, and some never do. One paid sale in {@code disputeEvery}
 * is disputed, and one in {@code declineEvery} is paid with a card that is declined (none if 0).
 */
public record Plan(
    int purchases,
    int concurrency,
    boolean killWorkers,
    boolean restartTemporal,
    Duration ferretDbOutage,
    Duration payoutHold,
    int sellersReady,
    int sellersNever,
    int disputeEvery,
    int declineEvery) {

  /** {@code make chaos}: several hundred purchases, and every fault. */
  public static Plan full() {
    return new Plan(
        300, 16, true, true, Duration.ofSeconds(10), Duration.ofSeconds(5), 2, 1, 10, 10);
  }

  /** The version {@code make test} runs: a few dozen purchases and one kill of the workers. */
  public static Plan quick() {
    return new Plan(30, 6, true, false, Duration.ZERO, Duration.ofSeconds(3), 1, 1, 5, 5);
  }

  public Plan withPayoutHold(Duration hold) {
    return new Plan(
        purchases,
        concurrency,
        killWorkers,
        restartTemporal,
        ferretDbOutage,
        hold,
        sellersReady,
        sellersNever,
        disputeEvery,
        declineEvery);
  }

  /** How many faults strike; a seller opens its payout account at each. */
  int faults() {
    return (killWorkers ? 1 : 0) + (restartTemporal ? 1 : 0) + (ferretDbOutage.isZero() ? 0 : 1);
  }

  int sellers() {
    return sellersReady + faults() + sellersNever;
  }

  /**
   * What the stack must be told for this plan: the workers the payouts' short hold, the API the
   * secret the chaos run signs its Stripe webhook calls with.
   */
  public Map<String, String> stackSettings() {
    return Map.of(
        "PAYOUTS_HOLD", payoutHold.toString(), "STRIPE_WEBHOOK_SECRET", StripeDisputes.SECRET);
  }
}
