package dev.ticketing.bench.chaos;

import dev.ticketing.bench.stores.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * The seller's side: each payout paid at most once, for a complete order, never before its {@code
 * releaseAt} nor out of a frozen state, its fee and amount adding up to the charge; and nothing
 * left waiting that could have been paid. The payouts store keeps two kinds of aggregate, payouts
 * (snapshots in {@code payouts}, events {@code Payout...}) and sellers' accounts ({@code accounts},
 * {@code Account...}), in one {@code events} collection.
 */
final class PayoutChecks {

  static final String DOMAIN = "payouts";

  /** Something still to happen, and since when it could have: maybe later than now. */
  record Due(String what, Instant since) {}

  private final Map<String, Aggregate> orders;
  private final Map<String, Aggregate> payouts;
  private final Map<String, Aggregate> accounts;

  PayoutChecks(
      Map<String, Aggregate> orders,
      Map<String, Aggregate> payouts,
      Map<String, Aggregate> accounts) {
    this.orders = orders;
    this.payouts = payouts;
    this.accounts = accounts;
  }

  static PayoutChecks read(Stores stores) {
    return read(stores, Aggregate.all(stores, "orders"));
  }

  static PayoutChecks read(Stores stores, Map<String, Aggregate> orders) {
    return new PayoutChecks(
        orders,
        Aggregate.all(stores, DOMAIN, "payouts", type -> type.startsWith("Payout")),
        Aggregate.all(stores, DOMAIN, "accounts", type -> !type.startsWith("Payout")));
  }

  Map<String, Aggregate> payouts() {
    return payouts;
  }

  Map<String, Aggregate> accounts() {
    return accounts;
  }

  Map<String, Aggregate> orders() {
    return orders;
  }

  void check(Instant now, Violations violations) {
    for (Aggregate payout : payouts.values()) {
      history(payout, violations);
      String orderStatus = status(orders.get(payout.id()));
      if (!"COMPLETE".equals(orderStatus)) {
        violations.add(
            Violations.PAYOUT_WITHOUT_ORDER,
            "payout " + payout.id() + " " + payout.field("status") + ", order " + orderStatus);
      }
    }
    for (Due due : due()) {
      if (now.isAfter(due.since().plus(InvariantChecker.GRACE))) {
        violations.add(Violations.PAYOUT_STUCK, due.what());
      }
    }
  }

  /**
   * What should still happen to the payouts, each since when it could: a complete order's payout
   * scheduled, a held payout released, a payout awaiting an account paid once the account is
   * active. Empty once everything that can be paid is.
   */
  List<Due> due() {
    List<Due> due = new ArrayList<>();
    for (Aggregate order : orders.values()) {
      if ("COMPLETE".equals(order.field("status")) && !payouts.containsKey(order.id())) {
        Instant completed = order.reached("COMPLETE");
        due.add(
            new Due(
                "order " + order.id() + " complete since " + completed + " has no payout",
                completed == null ? Instant.EPOCH : completed));
      }
    }
    for (Aggregate payout : payouts.values()) {
      String status = payout.field("status");
      Instant releaseAt = payout.instant("releaseAt");
      if ("HELD".equals(status)) {
        due.add(
            new Due(
                "payout " + payout.id() + " held, releaseAt " + releaseAt,
                later(releaseAt, payout.changedAt())));
      }
      Instant payable = payableSince(payout);
      if ("AWAITING_ACCOUNT".equals(status) && payable != null) {
        due.add(
            new Due(
                "payout "
                    + payout.id()
                    + " awaiting an account, active since "
                    + activeSince(payout),
                payable));
      }
    }
    return due;
  }

  /** When the payout could first be paid: released, into an active account; null without one. */
  @Nullable Instant payableSince(Aggregate payout) {
    Instant active = activeSince(payout);
    return active == null ? null : later(payout.instant("releaseAt"), active);
  }

  private @Nullable Instant activeSince(Aggregate payout) {
    Aggregate account = accounts.get(String.valueOf(payout.field("sellerId")));
    return account == null || !"ACTIVE".equals(account.field("status"))
        ? null
        : account.reached("ACTIVE");
  }

  /**
   * Walks the payout's events: a transfer while another is outstanding (not reversed) is a second
   * payment; a {@code PayoutSent} must come after {@code releaseAt} and not out of {@code FROZEN};
   * every state's fee and amount add up to its charge. Each kind counts once per payout.
   */
  private static void history(Aggregate payout, Violations violations) {
    Map<String, String> found = new LinkedHashMap<>();
    Set<String> outstanding = new HashSet<>();
    Set<String> reversed = new HashSet<>();
    String previous = null;
    for (Document event : payout.events()) {
      String type = event.getString("type");
      Document state = Aggregate.state(event);
      String transfer = state.getString("transferId");
      String at = "payout " + payout.id() + " at version " + event.get("version") + ": ";
      if ("PayoutReversed".equals(type)) {
        outstanding.remove(transfer);
        reversed.add(transfer);
      } else if ("PayoutSent".equals(type)
          || (transfer != null
              && !outstanding.contains(transfer)
              && !reversed.contains(transfer))) {
        if (!outstanding.isEmpty()) {
          found.putIfAbsent(
              Violations.PAID_TWICE,
              at + type + " " + transfer + " while " + outstanding + " stood");
        }
        outstanding.add(transfer == null ? type + "@" + event.get("version") : transfer);
      }
      if ("PayoutSent".equals(type)) {
        Instant paidAt = Aggregate.instant(state, "paidAt");
        Instant releaseAt = Aggregate.instant(state, "releaseAt");
        if (paidAt == null || releaseAt == null || paidAt.isBefore(releaseAt)) {
          found.putIfAbsent(
              Violations.PAID_BEFORE_RELEASE,
              at + "paid at " + paidAt + ", releaseAt " + releaseAt);
        }
        if ("FROZEN".equals(previous)) {
          found.putIfAbsent(Violations.PAID_WHILE_FROZEN, at + "PayoutSent out of FROZEN");
        }
      }
      if (!addsUp(state)) {
        found.putIfAbsent(
            Violations.FEE_AND_AMOUNT,
            at
                + "fee %s + amount %s, charge %s"
                    .formatted(state.get("fee"), state.get("amount"), state.get("charge")));
      }
      previous = state.getString("status");
    }
    found.forEach(violations::add);
  }

  private static boolean addsUp(Document state) {
    Number fee = state.get("fee", Number.class);
    Number amount = state.get("amount", Number.class);
    Number charge = state.get("charge", Number.class);
    return fee != null
        && amount != null
        && charge != null
        && fee.longValue() + amount.longValue() == charge.longValue();
  }

  private static String status(@Nullable Aggregate aggregate) {
    String status = aggregate == null ? null : aggregate.field("status");
    return status == null ? "unknown" : status;
  }

  private static Instant later(@Nullable Instant a, @Nullable Instant b) {
    if (a == null || b == null) {
      return a != null ? a : b != null ? b : Instant.EPOCH;
    }
    return a.isAfter(b) ? a : b;
  }
}
