package dev.ticketing.payouts;

import dev.ticketing.workflows.UserId;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A seller's payout account as the seller sees it: opened through Stripe Connect, onboarded on
 * Stripe's pages, and active once Stripe lets it receive transfers. Whoever learns that an account
 * became active tells the seller's payouts that wait for one ({@code onActive}).
 */
public final class SellerAccounts {

  /** The account as the API shows it; {@code onboardingUrl} only while there is onboarding left. */
  public record View(
      AccountStatus status, @Nullable String accountId, @Nullable String onboardingUrl) {}

  private final Payouts payouts;
  private final PayoutGateway stripe;
  private final String returnUrl;
  private final Consumer<UserId> onActive;

  public SellerAccounts(
      Payouts payouts, PayoutGateway stripe, String publicUrl, Consumer<UserId> onActive) {
    this.payouts = payouts;
    this.stripe = stripe;
    this.returnUrl = publicUrl + "/payouts/return";
    this.onActive = onActive;
  }

  /** The seller's account, asking Stripe whether one still onboarding is active now. */
  public View of(UserId seller) {
    Optional<SellerAccount> account = payouts.account(seller).map(this::checked);
    return account.map(this::view).orElse(new View(AccountStatus.NONE, null, null));
  }

  /** Opens the seller's account unless there is one; true when this call opened it. */
  public Opened open(UserId seller) {
    Optional<SellerAccount> existing = payouts.account(seller);
    if (existing.isPresent()) {
      return new Opened(view(checked(existing.get())), false);
    }
    String accountId = stripe.createAccount(seller);
    AccountStatus status =
        stripe.payoutsEnabled(accountId) ? AccountStatus.ACTIVE : AccountStatus.ONBOARDING;
    SellerAccount opened = payouts.openAccount(seller, accountId, status);
    if (opened.status() == AccountStatus.ACTIVE) {
      onActive.accept(seller);
    }
    return new Opened(view(opened), true);
  }

  /** What Stripe reported of an account: active, if it can receive transfers now. */
  public void reported(UserId seller, boolean payoutsEnabled) {
    payouts
        .account(seller)
        .filter(account -> payoutsEnabled && account.status() != AccountStatus.ACTIVE)
        .ifPresent(account -> activate(seller));
  }

  /** The outcome of opening: the account, and whether it is new. */
  public record Opened(View account, boolean created) {}

  private SellerAccount checked(SellerAccount account) {
    if (account.status() == AccountStatus.ONBOARDING
        && stripe.payoutsEnabled(account.accountId())) {
      return activate(account.id());
    }
    return account;
  }

  private SellerAccount activate(UserId seller) {
    SellerAccount active = payouts.activate(seller);
    onActive.accept(seller);
    return active;
  }

  private View view(SellerAccount account) {
    boolean onboarding = account.status() == AccountStatus.ONBOARDING;
    return new View(
        account.status(),
        account.accountId(),
        onboarding ? stripe.onboardingLink(account.accountId(), returnUrl) : null);
  }
}
