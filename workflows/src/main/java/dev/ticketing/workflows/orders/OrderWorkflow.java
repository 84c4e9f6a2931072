package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.StripePayment;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributes;
import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import org.jspecify.annotations.Nullable;

/**
 * One purchase, from the first click to its end: reserve the ticket, hold it for the window, then
 * complete on payment or cancel on request, decline or expiry. Started with {@link
 * #reserve(TicketId)} as an Update-with-Start, so the buyer's request is answered synchronously.
 */
@WorkflowInterface
public interface OrderWorkflow {

  SearchAttributeKey<String> ORDER_STATUS = SearchAttributeKey.forKeyword("OrderStatus");
  SearchAttributeKey<String> TICKET_ID = SearchAttributeKey.forKeyword("TicketId");
  SearchAttributeKey<String> BUYER_ID = SearchAttributeKey.forKeyword("BuyerId");

  /** The {@code OrderStatus} of a workflow whose ticket could not be reserved. */
  String REJECTED = "rejected";

  static String workflowId(OrderId orderId) {
    return "order-" + orderId.value();
  }

  /**
   * How a purchase's workflow starts. A repeated request for the same order (same Idempotency-Key)
   * joins the running workflow instead of failing, and its {@code reserve} answers the same order.
   * The ticket, as the buyer saw it, names the workflow in the Web UI's list and details.
   */
  static WorkflowOptions options(Purchase purchase, Order.Ticket ticket) {
    return WorkflowOptions.newBuilder()
        .setWorkflowId(workflowId(purchase.orderId()))
        .setStaticSummary(OrderWording.summary(ticket))
        .setStaticDetails(OrderWording.details(purchase, ticket))
        .setTaskQueue(TaskQueues.ORDERS)
        .setWorkflowIdConflictPolicy(
            WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
        .setTypedSearchAttributes(
            SearchAttributes.newBuilder()
                .set(TICKET_ID, purchase.ticketId().value())
                .set(BUYER_ID, purchase.buyerId().value())
                .build())
        .build();
  }

  @WorkflowMethod
  void run(Purchase purchase);

  /** Answers with the reserved order, or fails with the reason the ticket could not be had. */
  @UpdateMethod
  Order reserve(TicketId ticketId);

  @UpdateValidatorMethod(updateName = "reserve")
  void validateReserve(TicketId ticketId);

  /** Charges the buyer once and completes the order; a decline cancels it. */
  @UpdateMethod
  PaymentId pay(PayRequest request);

  @UpdateValidatorMethod(updateName = "pay")
  void validatePay(PayRequest request);

  /** Cancels an open order and releases its ticket; cancelling a cancelled order does nothing. */
  @UpdateMethod
  void cancel(UserId requester);

  @UpdateValidatorMethod(updateName = "cancel")
  void validateCancel(UserId requester);

  /** Stripe reports a payment for this order: applied while the order is open, else refunded. */
  @SignalMethod
  void paymentSucceeded(StripePayment payment);

  /** The order as the workflow knows it; null until the ticket is reserved. */
  @QueryMethod
  @Nullable Order details();
}
