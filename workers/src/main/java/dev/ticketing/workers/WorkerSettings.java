package dev.ticketing.workers;

import dev.ticketing.workflows.TaskQueues;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The task queues this process serves: any of {@code orders}, {@code tickets}, {@code payments},
 * {@code payouts}, {@code notifications}.
 */
@ConfigurationProperties("ticketing.workers")
public record WorkerSettings(
    @DefaultValue({"orders", "tickets", "payments", "payouts", "notifications"})
        List<String> queues) {

  public WorkerSettings {
    if (queues.isEmpty() || !TaskQueues.ALL.containsAll(queues)) {
      throw new IllegalArgumentException(
          "TICKETING_WORKER_QUEUES must name some of " + TaskQueues.ALL + ", not " + queues);
    }
  }
}
