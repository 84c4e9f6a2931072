package dev.ticketing.workflows.notifications;

import dev.ticketing.workflows.TaskQueues;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.util.Optional;

/** The emails that workflows asked for: each event's email workflow, read from its start. */
public final class AskedEmails {

  private AskedEmails() {}

  /**
   * Takes the notifications queue's emails in a test, sending nothing: without a worker there, a
   * started email's first task would stay pending and stop the test server from skipping time.
   */
  public static void takenBy(TestWorkflowEnvironment env) {
    env.newWorker(TaskQueues.NOTIFICATIONS)
        .registerWorkflowImplementationFactory(EmailWorkflow.class, () -> notice -> {});
  }

  /** The notice that the email workflow of the event was started with, if one was. */
  public static Optional<Notice> of(WorkflowClient client, String key) {
    try {
      var started =
          client
              .fetchHistory(EmailWorkflow.workflowId(key))
              .getHistory()
              .getEvents(0)
              .getWorkflowExecutionStartedEventAttributes();
      return Optional.of(
          client
              .getOptions()
              .getDataConverter()
              .fromPayloads(0, Optional.of(started.getInput()), Notice.class, Notice.class));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
