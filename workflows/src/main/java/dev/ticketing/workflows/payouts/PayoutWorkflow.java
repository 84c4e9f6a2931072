package dev.ticketing.workflows.payouts;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TaskQueues;
import io.temporal.api.enums.v1.ParentClosePolicy;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.ChildWorkflowOptions;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.jspecify.annotations.Nullable;

/**
 * The seller's payout of one order, from the order's completion to its end: held on a durable timer
 * until {@code releaseAt}, waiting for the seller's payout account as long as it takes, transferred
 * once, frozen or reversed by a dispute, and open to disputes until {@code disputesEndAt}.
 */
@WorkflowInterface
public interface PayoutWorkflow {

  SearchAttributeKey<String> PAYOUT_STATUS = SearchAttributeKey.forKeyword("PayoutStatus");
  SearchAttributeKey<String> SELLER_ID = SearchAttributeKey.forKeyword("SellerId");

  static String workflowId(OrderId order) {
    return "payout-" + order.value();
  }

  /**
   * Started by the completed order's workflow as its child, and left running when the order's
   * workflow ends: the payout outlives the purchase by days or months.
   */
  static ChildWorkflowOptions asChildOf(PayoutRequest request) {
    return ChildWorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(request.orderId()))
        .setTaskQueue(TaskQueues.PAYOUTS)
        .setStaticSummary(PayoutWording.summary(request))
        .setStaticDetails(PayoutWording.details(request))
        .setParentClosePolicy(ParentClosePolicy.PARENT_CLOSE_POLICY_ABANDON)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder().set(SELLER_ID, request.sellerId().value()).build())
        .build();
  }

  @WorkflowMethod
  void run(PayoutRequest request);

  /** The seller's payout account can receive transfers now. */
  @SignalMethod
  void accountActivated();

  /** Stripe tells of a dispute of the order's charge, opened or closed. */
  @SignalMethod
  void disputed(DisputeNotice notice);

  /** The order's payment was refunded: the seller is owed nothing. */
  @SignalMethod
  void paymentRefunded();

  /** The payout as the workflow knows it; null until it is scheduled. */
  @QueryMethod
  @Nullable Payout details();
}
