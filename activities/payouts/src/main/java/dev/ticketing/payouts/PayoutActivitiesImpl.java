package dev.ticketing.payouts;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payouts.Payout;
import dev.ticketing.workflows.payouts.PayoutActivities;
import dev.ticketing.workflows.payouts.PayoutRequest;
import dev.ticketing.workflows.payouts.PayoutStatus;
import java.time.Clock;

public class PayoutActivitiesImpl implements PayoutActivities {

  private final Payouts payouts;
  private final PayoutGateway stripe;
  private final Clock clock;

  public PayoutActivitiesImpl(Payouts payouts, PayoutGateway stripe, Clock clock) {
    this.payouts = payouts;
    this.stripe = stripe;
    this.clock = clock;
  }

  @Override
  public Payout schedule(PayoutRequest request) {
    return payouts.schedule(request);
  }

  @Override
  public boolean hasActiveAccount(UserId seller) {
    return payouts.account(seller).filter(a -> a.status() == AccountStatus.ACTIVE).isPresent();
  }

  @Override
  public Payout awaitAccount(OrderId payout) {
    return payouts.change(payout, "PayoutAwaitingAccount", Payout::awaitingAccount);
  }

  /**
   * One Stripe transfer under the payout's idempotency key, then {@code PayoutSent}. A retry after
   * the transfer but before the record asks Stripe again under the same key, and gets the same
   * transfer back.
   */
  @Override
  public Payout transfer(OrderId id) {
    Payout payout =
        payouts.find(id).orElseThrow(() -> new IllegalStateException("No payout " + id));
    if (!payout.status().isPayable()) {
      return payout; // paid already, or frozen or cancelled meanwhile
    }
    SellerAccount account =
        payouts
            .account(payout.sellerId())
            .filter(a -> a.status() == AccountStatus.ACTIVE)
            .orElseThrow(() -> new IllegalStateException("No active account for " + payout.id()));
    String transferId =
        stripe.transfer(
            new PayoutGateway.Transfer(
                account.accountId(),
                payout.amount(),
                payout.currency(),
                stripe.chargeOf(payout.paymentIntentId()),
                payout.id().value(),
                payout.nextTransferKey()));
    return payouts.change(id, "PayoutSent", p -> p.paid(transferId, clock.instant()));
  }

  @Override
  public Payout freeze(OrderId payout) {
    return payouts.change(payout, "PayoutFrozen", Payout::frozen);
  }

  @Override
  public Payout resume(OrderId payout) {
    return payouts.change(payout, "PayoutResumed", Payout::resumed);
  }

  @Override
  public Payout reverse(OrderId id) {
    Payout payout =
        payouts.find(id).orElseThrow(() -> new IllegalStateException("No payout " + id));
    if (payout.status() != PayoutStatus.PAID || payout.transferId() == null) {
      return payout;
    }
    stripe.reverse(payout.transferId(), "reverse-" + payout.transferId());
    return payouts.change(id, "PayoutReversed", Payout::reversed);
  }

  @Override
  public Payout cancel(OrderId payout) {
    return payouts.change(payout, "PayoutCancelled", Payout::cancelled);
  }
}
