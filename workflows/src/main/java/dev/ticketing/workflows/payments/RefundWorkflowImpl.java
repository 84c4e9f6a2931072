package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.ActivityStubs;
import dev.ticketing.workflows.TaskQueues;

public class RefundWorkflowImpl implements RefundWorkflow {

  // A refund must happen however long Stripe is away, so it is retried without a limit.
  private final PaymentActivities payments =
      ActivityStubs.patient(PaymentActivities.class, TaskQueues.PAYMENTS, null);

  @Override
  public void refund(StripePayment payment) {
    payments.refund(payment);
  }
}
