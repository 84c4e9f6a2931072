package dev.ticketing.workflows;

import io.temporal.api.sdk.v1.WorkflowMetadata;
import io.temporal.client.WorkflowClient;

/** What the Temporal Web UI shows of a workflow, read the way the UI reads it. */
public final class WebUi {

  private WebUi() {}

  /** The current details, which the UI asks the workflow for with the metadata query. */
  public static String currentDetails(WorkflowClient client, String workflowId) {
    return client
        .newUntypedWorkflowStub(workflowId)
        .query(WorkflowClient.QUERY_TYPE_WORKFLOW_METADATA, WorkflowMetadata.class)
        .getCurrentDetails();
  }
}
