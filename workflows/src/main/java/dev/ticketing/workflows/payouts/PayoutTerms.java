package dev.ticketing.workflows.payouts;

import java.time.Duration;

/**
 * What the platform keeps and when it pays: the fee as a share of the charge, the hold after the
 * event (or the completion, when there is no event date), and how long a paid payout still awaits a
 * dispute.
 */
public record PayoutTerms(int feePercent, Duration hold, Duration disputeWindow, String currency) {}
