package dev.ticketing.workflows.payouts;

import static dev.ticketing.workflows.Changes.isOn;
import static dev.ticketing.workflows.Wording.duration;
import static dev.ticketing.workflows.Wording.moment;
import static dev.ticketing.workflows.Wording.money;
import static dev.ticketing.workflows.payouts.PayoutStatus.CANCELLED;
import static dev.ticketing.workflows.payouts.PayoutStatus.PAID;

import dev.ticketing.workflows.Activities;
import dev.ticketing.workflows.ActivityStubs;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.Timers;
import dev.ticketing.workflows.notifications.EmailWorkflow;
import dev.ticketing.workflows.notifications.Notice;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The payout's state is its stored status, whose transitions the {@link Payout} record allows; the
 * workflow waits in each state for its time or for a notice, and acts.
 */
public class PayoutWorkflowImpl implements PayoutWorkflow {

  // A payout is money owed: store writes and Stripe calls retry until they land, however long.
  private final Activities<PayoutActivities> payouts =
      ActivityStubs.patient(PayoutActivities.class, TaskQueues.PAYOUTS, null);

  // An account that became active without its signal arriving here is still found, this often.
  private static final Duration ACCOUNT_RECHECK = Duration.ofDays(1);
  // A dispute closes in weeks; a frozen payout looks again after this, should a notice be lost.
  private static final Duration FROZEN_RECHECK = Duration.ofDays(30);

  // Workflow changes since PayoutEmails.EMAILS, each asked once as the payout is scheduled.
  static final String ACCOUNT_HEARD_WHILE_AWAITING_ONLY = "account-heard-while-awaiting-only";
  static final String REVERSED_AWAITS_ITS_DISPUTES = "reversed-awaits-its-disputes";

  /** What the payout heard, handled one at a time in the order heard. */
  private sealed interface Heard {}

  private record Disputed(DisputeNotice notice) implements Heard {}

  private record Refunded() implements Heard {}

  /** How long a status waits for a notice before it acts on its own, and why, in words. */
  private record Wait(Duration duration, String summary) {}

  private final Deque<Heard> notices = new ArrayDeque<>();
  private final Set<String> openDisputes = new HashSet<>();
  private final Map<String, Boolean> closedDisputes = new HashMap<>();
  private @Nullable Payout payout;
  private @Nullable PayoutEmails emails;
  private boolean accountActivated;
  private boolean accountHeardWhileAwaitingOnly;
  private boolean reversedAwaitsItsDisputes;

  @Override
  public void run(PayoutRequest request) {
    payout = payouts.withSummary("Schedule the seller's payout").schedule(request);
    show();
    if (PayoutEmails.areSent()) {
      emails = new PayoutEmails(request.ticketTitle());
      tell(emails.sold(payout(), !hasActiveAccount()));
    }
    accountHeardWhileAwaitingOnly = isOn(ACCOUNT_HEARD_WHILE_AWAITING_ONLY);
    reversedAwaitsItsDisputes = isOn(REVERSED_AWAITS_ITS_DISPUTES);
    while (payout().status() != CANCELLED) {
      Wait wait = waitInState();
      Timers.await(wait.duration(), wait.summary(), () -> !notices.isEmpty() || accountHeard());
      if (!notices.isEmpty()) {
        handle(notices.removeFirst());
      } else if (!actInState()) {
        return; // paid (or reversed), and no dispute can come any more
      }
    }
  }

  @Override
  public void accountActivated() {
    accountActivated = true;
  }

  @Override
  public void disputed(DisputeNotice notice) {
    notices.addLast(new Disputed(notice));
  }

  @Override
  public void paymentRefunded() {
    notices.addLast(new Refunded());
  }

  @Override
  public @Nullable Payout details() {
    return payout;
  }

  /**
   * Whether an activated account ends the present wait. Since {@value
   * #ACCOUNT_HEARD_WHILE_AWAITING_ONLY}, only a payout awaiting the account listens: a second
   * signal (the webhook's and the seller's page's both, or one sent as the payout's own check found
   * the account) used to arrive during the transfer and end the paid payout's wait for disputes at
   * once, and with it the workflow, so a later dispute or refund found nobody to take the money
   * back; one arriving while held paid before the hold was over.
   */
  private boolean accountHeard() {
    return accountActivated
        && (!accountHeardWhileAwaitingOnly || payout().status() == PayoutStatus.AWAITING_ACCOUNT);
  }

  /** How long the present state waits for a notice before it acts on its own. */
  private Wait waitInState() {
    return switch (payout().status()) {
      case HELD ->
          new Wait(until(payout().releaseAt()), "Hold until " + moment(payout().releaseAt()));
      case AWAITING_ACCOUNT ->
          new Wait(
              ACCOUNT_RECHECK,
              "Ask for the seller's account again in " + duration(ACCOUNT_RECHECK));
      case FROZEN -> disputesAgain();
      case REVERSED -> awaitsItsDisputes() ? disputesAgain() : openToDisputes();
      case PAID -> openToDisputes();
      case CANCELLED -> new Wait(Duration.ZERO, "Nothing left to wait for");
    };
  }

  private Wait openToDisputes() {
    return new Wait(
        until(payout().disputesEndAt()),
        "Open to disputes until " + moment(payout().disputesEndAt()));
  }

  /** What the present state does once its wait is over; false when nothing is left to do. */
  private boolean actInState() {
    return switch (payout().status()) {
      case HELD, AWAITING_ACCOUNT -> {
        release();
        yield true;
      }
      case FROZEN -> {
        accountActivated = false; // an account that came while frozen: released when it thaws
        yield true; // still disputed: wait on
      }
      case REVERSED -> awaitsItsDisputes(); // one won pays the seller again
      case PAID, CANCELLED -> false;
    };
  }

  private Wait disputesAgain() {
    return new Wait(FROZEN_RECHECK, "Look at the disputes again in " + duration(FROZEN_RECHECK));
  }

  /**
   * Whether a reversed payout waits for its disputes to close. Since {@value
   * #REVERSED_AWAITS_ITS_DISPUTES}: a dispute opened late in the window, and won after it, found
   * the workflow ended, and the seller was never paid again.
   */
  private boolean awaitsItsDisputes() {
    return reversedAwaitsItsDisputes && !openDisputes.isEmpty();
  }

  /**
   * Pays into the seller's account, or waits for one. Waiting is recorded before the account is
   * asked again: whoever activates an account signals the payouts already waiting, so one or the
   * other sees it.
   */
  private void release() {
    accountActivated = false;
    if (!hasActiveAccount()) {
      change(
          payouts
              .withSummary("Record that the payout waits for the seller's account")
              .awaitAccount(payout().id()));
      if (!hasActiveAccount()) {
        return;
      }
    }
    change(
        payouts
            .withSummary(
                "Transfer " + money(payout().amount(), payout().currency()) + " to the seller")
            .transfer(payout().id()));
    if (payout().status() == PAID && emails != null) {
      tell(emails.paid(payout()));
    }
  }

  private boolean hasActiveAccount() {
    return payouts
        .withSummary("Ask whether the seller's account takes transfers")
        .hasActiveAccount(payout().sellerId());
  }

  /** A dispute opened freezes the payout, or takes back a paid transfer; one closed decides. */
  private void handle(Heard heard) {
    switch (heard) {
      case Refunded refunded -> cancel();
      case Disputed(DisputeNotice dispute) when dispute.opens() -> {
        boolean repeated = closedDisputes.containsKey(dispute.disputeId());
        if (!repeated && openDisputes.add(dispute.disputeId())) {
          PayoutStatus before = payout().status();
          change(
              before == PAID
                  ? payouts.withSummary("Reverse the transfer: disputed").reverse(payout().id())
                  : payouts.withSummary("Freeze the payout: disputed").freeze(payout().id()));
          if (emails != null && payout().status() != before) { // a reversed one stays reversed
            tell(emails.disputed(payout(), dispute.disputeId(), before == PAID));
          }
        }
      }
      case Disputed(DisputeNotice dispute) -> {
        if (closedDisputes.putIfAbsent(dispute.disputeId(), dispute.won()) != null) {
          return; // told before
        }
        openDisputes.remove(dispute.disputeId());
        if (!Boolean.TRUE.equals(dispute.won())) {
          cancel();
        } else if (openDisputes.isEmpty()) {
          change(payouts.withSummary("Hold the payout again: dispute won").resume(payout().id()));
        }
      }
    }
  }

  /** Nothing is owed: a paid transfer is taken back first. */
  private void cancel() {
    if (payout().status() == PAID) {
      change(payouts.withSummary("Reverse the transfer: nothing is owed").reverse(payout().id()));
    }
    change(payouts.withSummary("Cancel the payout").cancel(payout().id()));
  }

  /** Asks for the email, apart from this workflow: a slow mail server never holds up the payout. */
  private static void tell(Notice notice) {
    EmailWorkflow.startFrom(notice);
  }

  private void change(Payout changed) {
    payout = changed;
    show();
  }

  private void show() {
    Workflow.upsertTypedSearchAttributes(
        PAYOUT_STATUS.valueSet(payout().status().value()),
        SELLER_ID.valueSet(payout().sellerId().value()));
    Workflow.setCurrentDetails(PayoutWording.now(payout(), openDisputes.size()));
  }

  private Payout payout() {
    if (payout == null) {
      throw new IllegalStateException("The payout is read before it was scheduled");
    }
    return payout;
  }

  private static Duration until(Instant moment) {
    Duration left = Duration.between(Instant.ofEpochMilli(Workflow.currentTimeMillis()), moment);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
