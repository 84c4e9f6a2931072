package dev.ticketing.workflows;

import io.temporal.workflow.Workflow;

/**
 * A workflow's changes of behaviour, each behind {@code Workflow.getVersion} with one version: on
 * for runs that recorded its marker (started since), off for those that ran before it, so their
 * histories replay as they ran (WorkflowReplayTest).
 */
public final class Changes {

  private Changes() {}

  /** Whether this run takes {@code change}: asked where the change's marker is to be recorded. */
  public static boolean isOn(String change) {
    return Workflow.getVersion(change, Workflow.DEFAULT_VERSION, 1) == 1;
  }
}
