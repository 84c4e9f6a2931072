package dev.ticketing.payouts;

import dev.ticketing.workflows.UserId;

/** Stripe Connect, as the payouts need it. Every call is safe to repeat. */
public interface PayoutGateway {

  /** A new Express connected account for the seller; asking again answers the same. */
  String createAccount(UserId seller);

  /** Where the seller finishes onboarding, returning to {@code returnUrl}. */
  String onboardingLink(String accountId, String returnUrl);

  /** Whether the account can receive transfers now. */
  boolean payoutsEnabled(String accountId);

  /** The charge a PaymentIntent made: the transfer's {@code source_transaction}. */
  String chargeOf(String paymentIntentId);

  /** Transfers once per idempotency key; answers the transfer's id. */
  String transfer(Transfer transfer);

  /** Takes a transfer back in full, once per idempotency key; answers the reversal's id. */
  String reverse(String transferId, String idempotencyKey);

  /** A transfer to a seller's account, tied to the order's charge. */
  record Transfer(
      String destination,
      long amount,
      String currency,
      String sourceTransaction,
      String transferGroup,
      String idempotencyKey) {}
}
