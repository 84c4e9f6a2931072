package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class RefundWorkflowImpl implements RefundWorkflow {

  // A refund must happen however long Stripe is away, so it is retried without a limit.
  private final PaymentActivities payments =
      Workflow.newActivityStub(
          PaymentActivities.class,
          ActivityOptions.newBuilder()
              .setTaskQueue(TaskQueues.PAYMENTS)
              .setStartToCloseTimeout(Duration.ofSeconds(30))
              .setRetryOptions(
                  RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
              .build());

  @Override
  public void refund(StripePayment payment) {
    payments.refund(payment);
  }
}
