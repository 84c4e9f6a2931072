package dev.ticketing.payouts;

import dev.ticketing.store.Sha256;
import dev.ticketing.workflows.UserId;

/**
 * Stripe Connect offline: an account can receive transfers as soon as it exists, and every id is
 * derived from what asked for it, so a repeated call answers the same as the first.
 */
public final class SandboxPayoutGateway implements PayoutGateway {

  private final String publicUrl;

  public SandboxPayoutGateway(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  @Override
  public String createAccount(UserId seller) {
    return "acct_sandbox_" + Sha256.idOf("account-" + seller.value()).substring(0, 16);
  }

  @Override
  public String onboardingLink(String accountId, String returnUrl) {
    return returnUrl;
  }

  @Override
  public boolean payoutsEnabled(String accountId) {
    return true;
  }

  @Override
  public String chargeOf(String paymentIntentId) {
    return "ch_sandbox_" + Sha256.idOf(paymentIntentId).substring(0, 16);
  }

  @Override
  public String transfer(Transfer transfer) {
    return "tr_sandbox_" + Sha256.idOf(transfer.idempotencyKey()).substring(0, 16);
  }

  @Override
  public String reverse(String transferId, String idempotencyKey) {
    return "trr_sandbox_" + Sha256.idOf(idempotencyKey).substring(0, 16);
  }

  @Override
  public String toString() {
    return "the offline sandbox (onboarding returns to " + publicUrl + ")";
  }
}
