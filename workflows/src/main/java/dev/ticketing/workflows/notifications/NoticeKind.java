package dev.ticketing.workflows.notifications;

/** What an email tells its recipient; each has its templates. */
public enum NoticeKind {
  /** To the buyer: the order is complete, with what was paid. */
  RECEIPT,
  /** To the buyer: the order expired unpaid, and the ticket is for sale again. */
  ORDER_EXPIRED,
  /** To the buyer: the card was declined, and the order cancelled. */
  PAYMENT_DECLINED,
  /** To the seller: the ticket sold, what they will be paid and when. */
  TICKET_SOLD,
  /** To the seller: the payout was transferred. */
  PAYOUT_PAID,
  /** To the seller: the buyer disputes the charge; the payout waits. */
  PAYOUT_FROZEN,
  /** To the seller: the buyer disputes the charge; the paid transfer was taken back. */
  PAYOUT_REVERSED
}
