package dev.ticketing.payouts.web;

import dev.ticketing.payouts.AccountStatus;
import dev.ticketing.payouts.SellerAccounts;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** The seller's payout account, as {@code /api/payouts/account} answers it. */
record PayoutAccountResponse(
    AccountStatus status,
    @Schema(nullable = true, description = "null until an account is opened")
        @Nullable String accountId,
    @Schema(nullable = true, description = "null when there is nothing left to do")
        @Nullable String onboardingUrl) {

  static PayoutAccountResponse of(SellerAccounts.View account) {
    return new PayoutAccountResponse(
        account.status(), account.accountId(), account.onboardingUrl());
  }
}
