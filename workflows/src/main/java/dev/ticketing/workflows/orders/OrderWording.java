package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.Wording.duration;
import static dev.ticketing.workflows.Wording.moment;
import static dev.ticketing.workflows.Wording.money;
import static dev.ticketing.workflows.Wording.timeOfDay;
import static dev.ticketing.workflows.Wording.titleInSummary;

import dev.ticketing.workflows.payouts.PayoutRequest;
import dev.ticketing.workflows.payouts.PayoutWorkflow;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What the Temporal Web UI says of an order, in words: where it is now, and its steps. */
final class OrderWording {

  private OrderWording() {}

  /** The list view's summary of a purchase: {@code Concert — $19.99}. */
  static String summary(Order.Ticket ticket) {
    return titleInSummary(ticket.title()) + " — " + money(ticket.price());
  }

  /**
   * The order's fixed details, as a Markdown list (the Web UI renders it): who buys what from whom,
   * and for how long it is held.
   */
  static String details(Purchase purchase, Order.Ticket ticket) {
    String event = ticket.eventAt() == null ? "" : "\n- Event on " + moment(ticket.eventAt());
    return "- Order "
        + purchase.orderId()
        + " of ticket "
        + ticket.id()
        + "\n- Buyer "
        + purchase.buyerId()
        + ", seller "
        + ticket.sellerId()
        + event
        + "\n- Held for the buyer for "
        + duration(purchase.expiration())
        + " from the start";
  }

  static String paymentWindow(Order order) {
    return "Payment window, until " + timeOfDay(order.expiresAt());
  }

  /** Where the order is, for its current details: one line for each stage. */
  static String now(
      OrderStage stage,
      @Nullable Order order,
      @Nullable String rejection,
      @Nullable PayoutRequest payout) {
    return switch (stage) {
      case RESERVING -> "Holding the ticket for this order";
      case REJECTED -> "Rejected: " + rejection;
      case AWAITING_PAYMENT -> "Awaiting payment until " + timeOfDay(known(order).expiresAt());
      case PAYING -> paying(known(order));
      case CANCELLING -> why(known(order)) + "; putting the ticket back on sale";
      case COMPLETED ->
          payout == null ? "Paid; ticket sold" : "Paid; ticket sold, " + payoutOf(payout);
      case CANCELLED -> why(known(order)) + "; the ticket is for sale again";
      case STUCK ->
          "Stuck: the orders store has this order "
              + known(order).status().value()
              + ", though this workflow did not close it; cancel the workflow to end it";
    };
  }

  /** As the order is recorded: {@code expired}, {@code cancelled}. */
  static String cancelled(CancellationReason reason) {
    return switch (reason) {
      case EXPIRED -> "expired";
      case CANCELLED -> "cancelled";
      case PAYMENT_FAILED -> "cancelled, its payment failed";
    };
  }

  static String undoingCharge(String now) {
    return now + "; asking Stripe whether the charge that never answered took money";
  }

  private static String paying(Order order) {
    return switch (order.status()) {
      case CREATED -> "Recording a payment made on Stripe";
      case AWAITING_PAYMENT -> "Charging the card " + money(order.ticket().price());
      case COMPLETE -> "Paid; marking the ticket sold and starting the seller's payout";
      case CANCELLED -> why(order) + "; putting the ticket back on sale";
    };
  }

  private static String why(Order order) {
    CancellationReason reason = order.cancellationReason();
    if (reason == null) {
      return "Cancelled";
    }
    return switch (reason) {
      case EXPIRED -> "Expired unpaid at " + timeOfDay(order.expiresAt());
      case CANCELLED -> "Cancelled";
      case PAYMENT_FAILED -> "Payment failed";
    };
  }

  private static String payoutOf(PayoutRequest payout) {
    String child = "the seller's payout is " + PayoutWorkflow.workflowId(payout.orderId());
    Instant eventAt = payout.eventAt();
    return eventAt == null ? child : child + ", held until after the event on " + moment(eventAt);
  }

  private static Order known(@Nullable Order order) {
    return Objects.requireNonNull(order, "a reserved order");
  }
}
