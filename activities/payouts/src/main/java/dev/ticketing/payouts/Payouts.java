package dev.ticketing.payouts;

import static dev.ticketing.workflows.payouts.PayoutStatus.AWAITING_ACCOUNT;
import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.Event;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payouts.Payout;
import dev.ticketing.workflows.payouts.PayoutRequest;
import dev.ticketing.workflows.payouts.PayoutTerms;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The payouts store: each order's payout ({@code PayoutScheduled}, {@code PayoutSent}, ...) and
 * each seller's payout account ({@code AccountOpened}, {@code AccountActivated}).
 */
public final class Payouts extends DomainStore {

  private final VersionedStore<Payout> payouts;
  private final VersionedStore<SellerAccount> accounts;
  private final PayoutSettings settings;
  private final Clock clock;

  public Payouts(DomainDatabase database, PayoutSettings settings, Clock clock) {
    super(database, "payouts");
    this.payouts =
        new VersionedStore<>(
            database,
            "payouts",
            Payout.class,
            events,
            new Index().on("sellerId", ASC).on("createdAt", DESC).on("_id", DESC));
    this.accounts = new VersionedStore<>(database, "accounts", SellerAccount.class, events);
    this.settings = settings;
    this.clock = clock;
  }

  /** Stores the order's payout, held; scheduling it again answers the one stored. */
  public Payout schedule(PayoutRequest request) {
    var terms =
        new PayoutTerms(
            settings.feePercent(), settings.hold(), settings.disputeWindow(), settings.currency());
    return payouts.create(Payout.scheduled(request, terms, clock.instant()), "PayoutScheduled");
  }

  public Optional<Payout> find(OrderId payout) {
    return payouts.find(payout);
  }

  /** Changes a payout, recording {@code event}; an unknown payout is a fault. */
  public Payout change(OrderId payout, String event, UnaryOperator<Payout> transition) {
    return payouts
        .change(payout, event, transition)
        .orElseThrow(() -> new IllegalStateException("No payout " + payout));
  }

  /** A seller's payouts, newest first. */
  public List<Payout> ofSeller(UserId seller) {
    return payouts.query(
        Query.query(where("sellerId").is(seller)).with(Sort.by(DESC, "createdAt", "_id")));
  }

  /** A seller's payouts released with no account to pay into. */
  public List<Payout> awaitingAccount(UserId seller) {
    return payouts.query(
        Query.query(where("sellerId").is(seller).and("status").is(AWAITING_ACCOUNT))
            .with(Sort.by(ASC, "createdAt")));
  }

  public Optional<SellerAccount> account(UserId seller) {
    return accounts.find(seller);
  }

  /** Records the seller's new account; answers the one there is if it has one already. */
  public SellerAccount openAccount(UserId seller, String accountId, AccountStatus status) {
    return accounts.create(
        new SellerAccount(seller, accountId, status, 0, clock.instant()), "AccountOpened");
  }

  public SellerAccount activate(UserId seller) {
    return accounts
        .change(seller, "AccountActivated", SellerAccount::activated)
        .orElseThrow(() -> new IllegalStateException("No account of " + seller));
  }

  /** Whether the event is a payout's ({@code Payout...}), not an account's ({@code Account...}). */
  public static boolean isPayoutEvent(Event event) {
    return event.type().startsWith("Payout");
  }

  public Payout payoutAfter(Event event) {
    return payouts.stateAfter(event);
  }

  public SellerAccount accountAfter(Event event) {
    return accounts.stateAfter(event);
  }
}
