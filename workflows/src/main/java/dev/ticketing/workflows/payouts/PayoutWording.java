package dev.ticketing.workflows.payouts;

import static dev.ticketing.workflows.Wording.moment;
import static dev.ticketing.workflows.Wording.money;
import static dev.ticketing.workflows.Wording.titleInSummary;

/** What the Temporal Web UI says of a payout: where it is now. */
final class PayoutWording {

  private PayoutWording() {}

  /** The list view's summary of a payout: {@code Payout for Concert — $19.99 sold}. */
  static String summary(PayoutRequest request) {
    String title =
        request.ticketTitle() != null ? titleInSummary(request.ticketTitle()) : "a ticket";
    return "Payout for " + title + " — " + money(request.price()) + " sold";
  }

  /** The payout's fixed details, as a Markdown list: whose sale it is, and what it waits for. */
  static String details(PayoutRequest request) {
    String due =
        request.eventAt() == null
            ? "Held from the sale on " + moment(request.completedAt())
            : "Held until after the event on " + moment(request.eventAt());
    return "- Order "
        + request.orderId()
        + " of ticket "
        + request.ticketId()
        + "\n- Seller "
        + request.sellerId()
        + "\n- "
        + due;
  }

  /** Where the payout is, for its current details: one line for each status. */
  static String now(Payout payout, int openDisputes) {
    String amount = money(payout.amount(), payout.currency());
    return switch (payout.status()) {
      case HELD ->
          "Held until "
              + moment(payout.releaseAt())
              + ": "
              + amount
              + " for the seller, after a fee of "
              + money(payout.fee(), payout.currency());
      case AWAITING_ACCOUNT -> "Released: " + amount + " waits for the seller's payout account";
      case PAID ->
          "Paid "
              + amount
              + " to the seller; open to disputes until "
              + moment(payout.disputesEndAt());
      case FROZEN -> "Frozen: " + amount + " waits while " + disputes(openDisputes) + " open";
      case REVERSED ->
          "Reversed: the transfer was taken back while " + disputes(openDisputes) + " open";
      case CANCELLED -> "Cancelled: the seller is paid nothing";
    };
  }

  private static String disputes(int open) {
    return open == 1 ? "a dispute is" : open + " disputes are";
  }
}
