package dev.ticketing.workflows.payouts;

import org.jspecify.annotations.Nullable;

/**
 * What Stripe told of a dispute of the order's charge: opened ({@code won} null), or closed, won or
 * lost. Notices may come twice, or closed before opened.
 */
public record DisputeNotice(String disputeId, @Nullable Boolean won) {

  /** Whether it tells of the dispute's opening (not named isOpened: that would travel as JSON). */
  public boolean opens() {
    return won == null;
  }
}
