package dev.ticketing.workflows.notifications;

import dev.ticketing.workflows.ChildStart;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.Wording;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.workflow.Async;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.util.Locale;

/**
 * One email, from the event that asks for it until the mail server has taken it: retried with
 * backoff through any outage of the server, for up to a week, apart from what asked for it.
 */
@WorkflowInterface
public interface EmailWorkflow {

  @WorkflowMethod
  void send(Notice notice);

  /** The Web UI's name for the email: {@code Receipt email: Concert}. */
  static String summary(Notice notice) {
    String kind = notice.kind().name().replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(kind.charAt(0))
        + kind.substring(1)
        + " email: "
        + Wording.titleInSummary(notice.ticketTitle());
  }

  /** One workflow id per event: Temporal refuses a second start of the same event's email. */
  static String workflowId(String key) {
    return "email-" + key;
  }

  /**
   * Starts the notice's email from a workflow, as a child that outlives it: the start is recorded
   * in the caller's history once, and a slow or failed mail server never holds up or fails a
   * purchase or a payout. Returns once the child has started, so ending the caller cannot lose it.
   */
  static void startFrom(Notice notice) {
    start(notice).get();
  }

  /** {@link #startFrom}, answering at once: ready when the email's workflow has started. */
  static Promise<Void> start(Notice notice) {
    var options =
        ChildWorkflowOptions.newBuilder()
            .setWorkflowId(workflowId(notice.key()))
            .setStaticSummary(summary(notice))
            .setTaskQueue(TaskQueues.NOTIFICATIONS)
            .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
            .setWorkflowIdReusePolicy(
                WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
            .build();
    EmailWorkflow email = Workflow.newChildWorkflowStub(EmailWorkflow.class, options);
    Async.procedure(email::send, notice);
    return ChildStart.of(email); // started before: the event's email was asked for, one email
  }
}
