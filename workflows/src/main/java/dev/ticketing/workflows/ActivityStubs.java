package dev.ticketing.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * How the workflows call activities: every call is retried until it lands, or until {@code bound}
 * (unbounded when null) has passed since it was first scheduled; each call carries its summary
 * ({@link Activities#withSummary}).
 */
public final class ActivityStubs {

  private static final RetryOptions WITHIN_FIVE_SECONDS =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(200))
          .setMaximumInterval(Duration.ofSeconds(5))
          .build();
  private static final RetryOptions AT_MOST_A_MINUTE_APART =
      RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build();

  private ActivityStubs() {}

  /** For what answers fast: each attempt at most 10 s, asked again 200 ms to 5 s later. */
  public static <T> Activities<T> quick(
      Class<T> activities, String taskQueue, @Nullable Duration bound) {
    return configured(activities, taskQueue, Duration.ofSeconds(10), WITHIN_FIVE_SECONDS, bound);
  }

  /**
   * For waiting out an outage (Stripe's): each attempt at most 30 s, asked again within a minute.
   */
  public static <T> Activities<T> patient(
      Class<T> activities, String taskQueue, @Nullable Duration bound) {
    return configured(activities, taskQueue, Duration.ofSeconds(30), AT_MOST_A_MINUTE_APART, bound);
  }

  private static <T> Activities<T> configured(
      Class<T> activities,
      String taskQueue,
      Duration attempt,
      RetryOptions retries,
      @Nullable Duration bound) {
    var options =
        ActivityOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setStartToCloseTimeout(attempt)
            .setRetryOptions(retries);
    if (bound != null) {
      options.setScheduleToCloseTimeout(bound);
    }
    return new Activities<>(activities, options.build());
  }
}
