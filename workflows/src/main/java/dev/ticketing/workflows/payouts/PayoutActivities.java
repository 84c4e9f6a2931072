package dev.ticketing.workflows.payouts;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import io.temporal.activity.ActivityInterface;

/**
 * The payouts store and Stripe Connect, as the payout workflow uses them. Every method records its
 * event and is safe to retry; each returns the payout as stored.
 */
@ActivityInterface(namePrefix = "Payout")
public interface PayoutActivities {

  /** Stores the order's payout, held until after the event; records {@code PayoutScheduled}. */
  Payout schedule(PayoutRequest request);

  /** Whether the seller has a Stripe account that can receive transfers. */
  boolean hasActiveAccount(UserId seller);

  /** Released without an account to pay into: {@code awaiting_account}. */
  Payout awaitAccount(OrderId payout);

  /** Transfers the amount once (idempotency key per transfer); records {@code PayoutSent}. */
  Payout transfer(OrderId payout);

  /** No transfer while the buyer disputes the charge. */
  Payout freeze(OrderId payout);

  /** Held again: the seller won the dispute. */
  Payout resume(OrderId payout);

  /** Takes a paid transfer back from the seller (a transfer reversal). */
  Payout reverse(OrderId payout);

  /** Nothing will be paid: the dispute was lost, or the payment refunded. */
  Payout cancel(OrderId payout);
}
