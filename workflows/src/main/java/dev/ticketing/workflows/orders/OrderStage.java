package dev.ticketing.workflows.orders;

/**
 * Where an order's workflow is: what it does or waits for, and which stages may follow. Finer than
 * the {@link OrderStatus} the API shows, which is the stored order's.
 */
enum OrderStage {
  /** Holding the ticket and recording the order; requests wait for it. */
  RESERVING,
  /** The ticket could not be had; the workflow ends. */
  REJECTED,
  /** Reserved; the buyer may pay until the order expires. */
  AWAITING_PAYMENT,
  /** Taking a payment and recording its outcome, sold or released; requests wait for it. */
  PAYING,
  /** Cancelled by the buyer, an operator or its expiry; its ticket is being released. */
  CANCELLING,
  /** Paid: the ticket is sold and the seller's payout started. */
  COMPLETED,
  /** Cancelled, and its ticket released. */
  CANCELLED,
  /**
   * A payment found the order closed in the orders store already, though this workflow never closed
   * it (a reset onto a store that had moved on): nothing moves it on but an operator ending it.
   */
  STUCK;

  boolean leadsTo(OrderStage next) {
    return switch (this) {
      case RESERVING -> next == AWAITING_PAYMENT || next == REJECTED;
      case AWAITING_PAYMENT -> next == PAYING || next == CANCELLING;
      case PAYING ->
          next == COMPLETED || next == CANCELLED || next == AWAITING_PAYMENT || next == STUCK;
      case CANCELLING -> next == CANCELLED;
      case REJECTED, COMPLETED, CANCELLED, STUCK -> false;
    };
  }

  /**
   * Where a payment leaves the order once it has ended, by the status it left it in: paid,
   * cancelled for its failure, or open still when it failed before any charge.
   */
  static OrderStage afterPayment(OrderStatus status) {
    return switch (status) {
      case COMPLETE -> COMPLETED;
      case CANCELLED -> CANCELLED;
      case CREATED, AWAITING_PAYMENT -> AWAITING_PAYMENT;
    };
  }

  /** Whether pay, cancel and Stripe's payments are handled now, rather than waiting their turn. */
  boolean takesRequests() {
    return this != RESERVING && this != PAYING;
  }

  /** Whether the order is closed and everything its closing asked of the stores is done. */
  boolean isClosed() {
    return this == COMPLETED || this == CANCELLED;
  }
}
