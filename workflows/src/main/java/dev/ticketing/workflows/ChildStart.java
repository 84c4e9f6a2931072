package dev.ticketing.workflows;

import io.temporal.failure.ChildWorkflowFailure;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;

/** The start of a child that outlives its parent, for the parent to wait on before it ends. */
public final class ChildStart {

  private ChildStart() {}

  /**
   * Ready once the child, whose run was just called asynchronously through {@code child}, has
   * started, or had been started before: its workflow id is taken (the parent was reset and ran
   * again), and that one child is the only one there should be.
   */
  public static Promise<Void> of(Object child) {
    return Workflow.getWorkflowExecution(child)
        .handle((execution, failure) -> {
          if (failure != null && !(failure instanceof ChildWorkflowFailure)) {
            throw failure;
          }
          return null;
        });
  }
}
