package dev.ticketing.workflows.payouts;

import dev.ticketing.workflows.Changes;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The seller's emails of a payout, each keyed by the one event it tells of. */
final class PayoutEmails {

  static final String EMAILS = "emails";

  private final String ticketTitle;

  PayoutEmails(@Nullable String ticketTitle) {
    this.ticketTitle = ticketTitle != null ? ticketTitle : "your ticket";
  }

  /** Asked once, as the payout is scheduled: payouts started before emails replay without. */
  static boolean areSent() {
    return Changes.isOn(EMAILS);
  }

  /** The ticket sold: what the seller will be paid and when, and whether to set up payouts. */
  Notice sold(Payout payout, boolean needsAccount) {
    return notice(
        "sold-" + payout.id(), NoticeKind.TICKET_SOLD, payout, payout.releaseAt(), needsAccount);
  }

  /** A transfer made: one email for each, as a payout paid again after a won dispute has two. */
  Notice paid(Payout payout) {
    String key = "paid-" + payout.id() + (payout.transfers() > 1 ? "-" + payout.transfers() : "");
    return notice(key, NoticeKind.PAYOUT_PAID, payout, payout.paidAt(), false);
  }

  /** A dispute opened: the payout frozen, or its paid transfer taken back. One per dispute. */
  Notice disputed(Payout payout, String disputeId, boolean wasPaid) {
    return wasPaid
        ? notice(
            "reversed-" + payout.id() + "-" + disputeId,
            NoticeKind.PAYOUT_REVERSED,
            payout,
            null,
            false)
        : notice(
            "frozen-" + payout.id() + "-" + disputeId,
            NoticeKind.PAYOUT_FROZEN,
            payout,
            null,
            false);
  }

  private Notice notice(
      String key, NoticeKind kind, Payout payout, @Nullable Instant date, boolean needsAccount) {
    return new Notice(
        key,
        kind,
        payout.sellerId(),
        payout.id(),
        payout.ticketId(),
        ticketTitle,
        payout.amount(),
        payout.currency(),
        date,
        needsAccount);
  }
}
