package dev.ticketing.store;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import java.time.Duration;
import java.time.Instant;

/**
 * When Temporal gives up the activity attempt this thread runs, for a write that must not land
 * after that. Temporal can't stop an attempt it has given up on: one held up long enough (a pause,
 * a store that answers late) goes on and writes, perhaps after its workflow, told the attempt
 * failed, has undone what it would have done. A hold of a ticket landing then kept the ticket from
 * sale for good. So such a write checks the deadline just before it is sent, and its workflow waits
 * a write's longest flight before it undoes anything.
 */
public final class AttemptDeadline {

  private AttemptDeadline() {}

  /** The attempt's start-to-close after it started, or the activity's own bound if sooner. */
  public static Instant ofThisAttempt() {
    ActivityInfo info = Activity.getExecutionContext().getInfo();
    Instant attemptEnds =
        Instant.ofEpochMilli(info.getStartedTimestamp()).plus(info.getStartToCloseTimeout());
    Duration bound = info.getScheduleToCloseTimeout();
    if (bound.isZero()) {
      return attemptEnds;
    }
    Instant activityEnds = Instant.ofEpochMilli(info.getScheduledTimestamp()).plus(bound);
    return activityEnds.isBefore(attemptEnds) ? activityEnds : attemptEnds;
  }

  /** Refuses to go on once {@code deadline} has passed. */
  public static void ensureBefore(Instant deadline) {
    if (!Instant.now().isBefore(deadline)) {
      throw new IllegalStateException(
          "This attempt ended at " + deadline + ": Temporal no longer waits for it");
    }
  }
}
