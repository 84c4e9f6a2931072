package dev.ticketing.workflows;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;

/**
 * One activity interface with the options its calls share ({@link ActivityStubs}). Every call says
 * in words what it does, and the Web UI shows that in the workflow's timeline instead of the bare
 * activity type.
 *
 * <p>A summary is user metadata on the ScheduleActivityTask command, which replay does not compare
 * (sdk-java 1.38 matches an activity by its id and type): adding or rewording one needs no {@code
 * Workflow.getVersion}. WorkflowReplayTest replays histories recorded without any.
 */
public record Activities<T>(Class<T> type, ActivityOptions options) {

  /** The stub for one call, whose summary is {@code summary}: one line, at most 400 bytes. */
  public T withSummary(String summary) {
    return Workflow.newActivityStub(
        type, ActivityOptions.newBuilder(options).setSummary(summary).build());
  }
}
