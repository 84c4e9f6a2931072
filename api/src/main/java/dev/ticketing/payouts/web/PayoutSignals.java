package dev.ticketing.payouts.web;

import dev.ticketing.payouts.Payouts;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payouts.DisputeNotice;
import dev.ticketing.workflows.payouts.Payout;
import dev.ticketing.workflows.payouts.PayoutWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Tells payout workflows what Stripe and sellers did; a payout already over hears nothing. */
@Component
public class PayoutSignals {

  private static final Logger log = LoggerFactory.getLogger(PayoutSignals.class);

  private final WorkflowClient client;
  private final Payouts payouts;

  PayoutSignals(WorkflowClient client, Payouts payouts) {
    this.client = client;
    this.payouts = payouts;
  }

  /** The seller can be paid now: every payout of theirs waiting for an account is told. */
  public void accountActivated(UserId seller) {
    for (Payout waiting : payouts.awaitingAccount(seller)) {
      signal(waiting.id(), PayoutWorkflow::accountActivated);
    }
  }

  public void disputed(OrderId order, DisputeNotice notice) {
    signal(order, payout -> payout.disputed(notice));
  }

  public void refunded(OrderId order) {
    signal(order, PayoutWorkflow::paymentRefunded);
  }

  private void signal(OrderId order, Consumer<PayoutWorkflow> signal) {
    try {
      signal.accept(client.newWorkflowStub(PayoutWorkflow.class, PayoutWorkflow.workflowId(order)));
    } catch (WorkflowNotFoundException over) {
      log.info("The payout of order {} has ended; nothing to tell it", order);
    }
  }
}
