package dev.ticketing.workflows;

import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Promise;
import io.temporal.workflow.TimerOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.function.Supplier;

/** Durable waits whose timer says in the Web UI's timeline what it waits for. */
public final class Timers {

  private Timers() {}

  /**
   * {@link Workflow#await(Duration, Supplier)} with a timer that carries {@code summary}, which
   * that method's timer can't in sdk-java 1.38. It waits as that method does, so workflows started
   * before replay unchanged: the timer is started first, in the caller's scope, and left running
   * when the condition holds; a timer that has fired wins over a cancellation of the workflow
   * arriving with it. The summary is user metadata that replay does not compare (1.38 matches a
   * timer by its id), so adding or rewording one needs no {@code Workflow.getVersion}.
   *
   * @return false if the timer fired first
   */
  public static boolean await(Duration timeout, String summary, Supplier<Boolean> condition) {
    Promise<Void> timer =
        Workflow.newTimer(timeout, TimerOptions.newBuilder().setSummary(summary).build());
    CancellationScope caller = CancellationScope.current();
    // Detached, so that the cancellation is checked only after the timer, as 1.38 checks it.
    Workflow.newDetachedCancellationScope(() ->
            Workflow.await(
                () -> timer.isCompleted() || caller.isCancelRequested() || condition.get()))
        .run();
    if (!timer.isCompleted()) {
      CancellationScope.throwCanceled();
    }
    return !timer.isCompleted();
  }
}
