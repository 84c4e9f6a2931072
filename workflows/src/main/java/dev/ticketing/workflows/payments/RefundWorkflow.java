package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * Refunds a payment that arrived after its order closed. Its id is {@code
 * refund-<paymentIntentId>}, so a payment is refunded by one workflow however often Stripe reports
 * it.
 */
@WorkflowInterface
public interface RefundWorkflow {

  /** One workflow per payment, never run twice, even after the first has finished. */
  static WorkflowOptions options(StripePayment payment) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId("refund-" + payment.paymentIntentId())
        .setTaskQueue(TaskQueues.PAYMENTS)
        .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
        .build();
  }

  @WorkflowMethod
  void refund(StripePayment payment);
}
