package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.Changes.isOn;

/**
 * The order workflow's changes of behaviour, each behind {@code Workflow.getVersion} so that orders
 * started before it replay as they ran. WorkflowReplayTest keeps a folder of histories for each,
 * named after its id.
 */
record OrderVersions(
    boolean expiryDecidedLast,
    boolean releaseAlongsideCancel,
    boolean undoesUnansweredCharges,
    boolean operatorCancelAwaitsClose,
    boolean completesAtOnce,
    boolean refundOutlivesCancel,
    boolean forgetsAfterLateWrites) {

  static final String EXPIRY_DECIDED_LAST = "expiry-decided-after-payments";
  static final String RELEASE_ALONGSIDE_CANCEL = "release-alongside-cancel";
  static final String UNDO_UNANSWERED_CHARGE = "undo-unanswered-charge";
  static final String PAYOUT_ON_COMPLETION = "payout-on-completion";
  static final String EMAILS = "emails";
  static final String OPERATOR_CANCEL_AWAITS_CLOSE = "operator-cancel-awaits-close";
  static final String COMPLETES_AT_ONCE = "completes-at-once";
  static final String REFUND_OUTLIVES_CANCEL = "refund-outlives-cancel";
  static final String FORGETS_AFTER_LATE_WRITES = "forgets-after-late-writes";

  /** Asked once, as run() starts, where the first orders of each change recorded its marker. */
  static OrderVersions ofThisRun() {
    return new OrderVersions(
        isOn(EXPIRY_DECIDED_LAST),
        isOn(RELEASE_ALONGSIDE_CANCEL),
        isOn(UNDO_UNANSWERED_CHARGE),
        isOn(OPERATOR_CANCEL_AWAITS_CLOSE),
        isOn(COMPLETES_AT_ONCE),
        isOn(REFUND_OUTLIVES_CANCEL),
        isOn(FORGETS_AFTER_LATE_WRITES));
  }

  /** Asked as the order completes, where that change recorded its marker. */
  static boolean startsPayout() {
    return isOn(PAYOUT_ON_COMPLETION);
  }

  /** Asked as the order completes or closes, where that change recorded its marker. */
  static boolean sendsEmails() {
    return isOn(EMAILS);
  }
}
