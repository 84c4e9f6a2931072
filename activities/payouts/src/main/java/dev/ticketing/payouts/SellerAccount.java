package dev.ticketing.payouts;

import dev.ticketing.workflows.UserId;
import java.time.Instant;

/** A seller's Stripe Connect (Express) account, under the seller's id. */
public record SellerAccount(
    UserId id, String accountId, AccountStatus status, long version, Instant createdAt) {

  SellerAccount activated() {
    return new SellerAccount(id, accountId, AccountStatus.ACTIVE, version, createdAt);
  }
}
