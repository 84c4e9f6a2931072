package dev.ticketing.workflows.payouts;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import io.temporal.activity.Activity;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/** The payouts store and Stripe Connect in memory, with the same rules as the real ones. */
final class InMemoryPayouts implements PayoutActivities {

  static final PayoutTerms TERMS =
      new PayoutTerms(10, Duration.ofDays(2), Duration.ofDays(120), "usd");

  /** A transfer made: to whom, how much, under which key, and when (by the test server's clock). */
  record Transfer(UserId seller, long amount, String idempotencyKey, Instant at) {}

  final Map<OrderId, Payout> payouts = new ConcurrentHashMap<>();
  final Set<UserId> activeAccounts = ConcurrentHashMap.newKeySet();
  final List<Transfer> transfers = new CopyOnWriteArrayList<>();
  final List<String> reversals = new CopyOnWriteArrayList<>();
  final List<String> events = new CopyOnWriteArrayList<>();

  @Override
  public Payout schedule(PayoutRequest request) {
    return payouts.computeIfAbsent(
        request.orderId(),
        id -> {
          events.add("PayoutScheduled");
          return Payout.scheduled(request, TERMS, now());
        });
  }

  @Override
  public boolean hasActiveAccount(UserId seller) {
    return activeAccounts.contains(seller);
  }

  @Override
  public Payout awaitAccount(OrderId payout) {
    return change(payout, "PayoutAwaitingAccount", Payout::awaitingAccount);
  }

  @Override
  public Payout transfer(OrderId id) {
    Payout payout = payouts.get(id);
    if (!payout.status().isPayable()) {
      return payout;
    }
    transfers.add(
        new Transfer(payout.sellerId(), payout.amount(), payout.nextTransferKey(), now()));
    return change(id, "PayoutSent", p -> p.paid("tr_" + transfers.size(), now()));
  }

  @Override
  public Payout freeze(OrderId payout) {
    return change(payout, "PayoutFrozen", Payout::frozen);
  }

  @Override
  public Payout resume(OrderId payout) {
    return change(payout, "PayoutResumed", Payout::resumed);
  }

  @Override
  public Payout reverse(OrderId id) {
    Payout payout = payouts.get(id);
    if (payout.status() == PayoutStatus.PAID) {
      reversals.add(payout.transferId());
    }
    return change(id, "PayoutReversed", Payout::reversed);
  }

  @Override
  public Payout cancel(OrderId payout) {
    return change(payout, "PayoutCancelled", Payout::cancelled);
  }

  private Payout change(OrderId id, String event, UnaryOperator<Payout> transition) {
    Payout before = payouts.get(id);
    Payout after = transition.apply(before);
    if (!after.equals(before)) {
      payouts.put(id, after);
      events.add(event);
    }
    return after;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(
        Activity.getExecutionContext().getInfo().getCurrentAttemptScheduledTimestamp());
  }
}
