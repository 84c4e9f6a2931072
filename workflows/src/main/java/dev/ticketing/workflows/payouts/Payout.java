package dev.ticketing.workflows.payouts;

import static dev.ticketing.workflows.payouts.PayoutStatus.AWAITING_ACCOUNT;
import static dev.ticketing.workflows.payouts.PayoutStatus.CANCELLED;
import static dev.ticketing.workflows.payouts.PayoutStatus.FROZEN;
import static dev.ticketing.workflows.payouts.PayoutStatus.HELD;
import static dev.ticketing.workflows.payouts.PayoutStatus.PAID;
import static dev.ticketing.workflows.payouts.PayoutStatus.REVERSED;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the platform pays a seller for one order, under the order's id: the charge less the fee, in
 * minor units, released at {@code releaseAt}. Disputes are awaited until {@code disputesEndAt}.
 * {@code transfers} counts the transfers made (one more after a reversed one is won back).
 */
public record Payout(
    OrderId id,
    TicketId ticketId,
    UserId sellerId,
    long charge,
    long fee,
    long amount,
    String currency,
    PayoutStatus status,
    Instant releaseAt,
    Instant disputesEndAt,
    @Nullable Instant paidAt,
    @Nullable String transferId,
    String paymentIntentId,
    int transfers,
    long version,
    Instant createdAt) {

  private static final Set<PayoutStatus> OPEN_TO_DISPUTES = Set.of(HELD, AWAITING_ACCOUNT);

  /**
   * A completed order's payout, held until (the event, or the completion when there is no event
   * date) plus the hold; the fee is its share of the charge, rounded half up to a minor unit.
   */
  public static Payout scheduled(PayoutRequest request, PayoutTerms terms, Instant now) {
    long charge = request.price().cents();
    long fee =
        BigDecimal.valueOf(charge * terms.feePercent(), 2)
            .setScale(0, RoundingMode.HALF_UP)
            .longValueExact();
    Instant due = request.eventAt() != null ? request.eventAt() : request.completedAt();
    Instant releaseAt = due.plus(terms.hold());
    return new Payout(
        request.orderId(),
        request.ticketId(),
        request.sellerId(),
        charge,
        fee,
        charge - fee,
        terms.currency(),
        HELD,
        releaseAt,
        releaseAt.plus(terms.disputeWindow()),
        null,
        null,
        request.paymentIntentId(),
        0,
        0,
        now);
  }

  public Payout awaitingAccount() {
    return status == HELD ? with(AWAITING_ACCOUNT) : this;
  }

  /** Transferred; paying it again changes nothing. */
  public Payout paid(String transfer, Instant at) {
    if (status == PAID && transfer.equals(transferId)) {
      return this;
    }
    if (!status.isPayable()) {
      throw new IllegalStateException("Payout " + id + " is " + status.value() + ", not payable");
    }
    return with(PAID, at, transfer, transfers + 1);
  }

  public Payout frozen() {
    return OPEN_TO_DISPUTES.contains(status) ? with(FROZEN) : this;
  }

  /** Held again after a dispute the seller won. */
  public Payout resumed() {
    return status == FROZEN || status == REVERSED ? with(HELD) : this;
  }

  public Payout reversed() {
    return status == PAID ? with(REVERSED) : this;
  }

  public Payout cancelled() {
    return status == PAID ? this : with(CANCELLED);
  }

  /** The idempotency key of its next transfer: the first is {@code payout-<orderId>}. */
  public String nextTransferKey() {
    return "payout-" + id + (transfers == 0 ? "" : "-" + (transfers + 1));
  }

  private Payout with(PayoutStatus next) {
    return with(next, paidAt, transferId, transfers);
  }

  private Payout with(
      PayoutStatus next, @Nullable Instant paidAt, @Nullable String transferId, int transfers) {
    return new Payout(
        id,
        ticketId,
        sellerId,
        charge,
        fee,
        amount,
        currency,
        next,
        releaseAt,
        disputesEndAt,
        paidAt,
        transferId,
        paymentIntentId,
        transfers,
        version,
        createdAt);
  }
}
