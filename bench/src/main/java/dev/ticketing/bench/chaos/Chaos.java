package dev.ticketing.bench.chaos;

import dev.ticketing.bench.stack.BenchStack;
import java.time.Duration;

/** {@code make chaos}: the full plan against a stack of our own; exits 1 on any violation. */
public final class Chaos {

  private Chaos() {}

  public static void main(String[] args) {
    Duration expiration = Duration.parse(System.getenv().getOrDefault("CHAOS_EXPIRATION", "PT20S"));
    Plan plan = Plan.full();
    String hold = System.getenv("CHAOS_PAYOUTS_HOLD");
    if (hold != null && !hold.isBlank()) {
      plan = plan.withPayoutHold(Duration.parse(hold));
    }
    Outcome outcome;
    try (var stack = BenchStack.launch(expiration, plan.stackSettings())) {
      System.out.println("Chaos: " + plan + ", orders expire after " + expiration);
      outcome = new ChaosRun(stack, plan).run();
    }
    System.out.println(outcome);
    System.out.println(outcome.violations().none() ? "No violations." : "VIOLATIONS FOUND.");
    System.exit(outcome.violations().none() ? 0 : 1);
  }
}
