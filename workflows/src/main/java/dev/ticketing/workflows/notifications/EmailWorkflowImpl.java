package dev.ticketing.workflows.notifications;

import dev.ticketing.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class EmailWorkflowImpl implements EmailWorkflow {

  // A mail server that is down is asked again: after 1 s, then twice as long each time up to
  // 10 minutes apart, for a week; then the workflow fails, and an operator sees it.
  private final NotificationActivities notifications =
      Workflow.newActivityStub(
          NotificationActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.NOTIFICATIONS)
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setScheduleToCloseTimeout(Duration.ofDays(7))
              .setRetryOptions(
                  RetryOptions.newBuilder()
                      .setInitialInterval(Duration.ofSeconds(1))
                      .setBackoffCoefficient(2)
                      .setMaximumInterval(Duration.ofMinutes(10))
                      .build())
              .build());

  @Override
  public void send(Notice notice) {
    notifications.send(notice);
  }
}
