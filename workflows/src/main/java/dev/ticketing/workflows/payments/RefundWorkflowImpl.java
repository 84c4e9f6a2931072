package dev.ticketing.workflows.payments;

import dev.ticketing.workflows.Activities;
import dev.ticketing.workflows.ActivityStubs;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.Wording;

public class RefundWorkflowImpl implements RefundWorkflow {

  // A refund must happen however long Stripe is away, so it is retried without a limit.
  private final Activities<PaymentActivities> payments =
      ActivityStubs.patient(PaymentActivities.class, TaskQueues.PAYMENTS, null);

  @Override
  public void refund(StripePayment payment) {
    payments
        .withSummary(
            "Refund "
                + Wording.money(payment.amount(), payment.currency())
                + " paid after order "
                + payment.orderId()
                + " closed")
        .refund(payment);
  }
}
