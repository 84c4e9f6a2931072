package dev.ticketing.payouts.web;

import dev.ticketing.workflows.payouts.Payout;
import dev.ticketing.workflows.payouts.PayoutStatus;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A payout as the API shows it; {@code amount} and {@code fee} are in minor units. */
public record PayoutResponse(
    String id,
    String orderId,
    String ticketId,
    long amount,
    long fee,
    String currency,
    PayoutStatus status,
    Instant releaseAt,
    @Schema(nullable = true) @Nullable Instant paidAt,
    @Schema(nullable = true) @Nullable String transferId) {

  public static PayoutResponse of(Payout payout) {
    return new PayoutResponse(
        payout.id().value(),
        payout.id().value(),
        payout.ticketId().value(),
        payout.amount(),
        payout.fee(),
        payout.currency(),
        payout.status(),
        payout.releaseAt(),
        payout.paidAt(),
        payout.transferId());
  }
}
