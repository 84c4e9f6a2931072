package dev.ticketing.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.bench.stack.BenchStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The short chaos run: a few dozen purchases with the workers killed (kill -9) in the middle, then
 * every invariant checked over the stores and Temporal. Figures are printed, never asserted.
 */
class ChaosIntegrationTest {

  @Test
  void killingTheWorkersMidPurchaseLosesNothingAndLeavesNothingOpen() {
    Outcome outcome;
    Plan plan = Plan.quick();
    try (var stack = BenchStack.launch(Duration.ofSeconds(8), plan.stackSettings())) {
      outcome = new ChaosRun(stack, plan).run();
    }
    System.out.println(outcome);

    assertThat(outcome.violations().counts())
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
    assertThat(outcome.answers()).containsKey("pay 201 ");
    assertThat(outcome.payouts().paid()).isPositive();
  }
}
