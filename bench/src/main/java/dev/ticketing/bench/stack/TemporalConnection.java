package dev.ticketing.bench.stack;

import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;

/** A client of the stack's Temporal server, namespace {@code default}. */
public record TemporalConnection(WorkflowServiceStubs service, WorkflowClient client)
    implements AutoCloseable {

  public static TemporalConnection to(String address) {
    var service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(address).build());
    var client =
        WorkflowClient.newInstance(
            service, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    return new TemporalConnection(service, client);
  }

  /** How many workflows visibility finds for a query (eventually consistent). */
  public long count(String query) {
    return client.countWorkflows(query).getCount();
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
