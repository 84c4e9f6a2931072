package dev.ticketing.workflows.payments;

public class RefundWorkflowImpl implements RefundWorkflow {

  // A refund must happen however long Stripe is away, so it is retried without a limit.
  private final PaymentActivities payments = PaymentActivities.outlastingStripe(null);

  @Override
  public void refund(StripePayment payment) {
    payments.refund(payment);
  }
}
