package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInfo;

/** Writes a test's order history for the replay test, when make histories asks for it. */
final class Histories {

  private Histories() {}

  static void recordIfAsked(WorkflowClient client, OrderId order, TestInfo test)
      throws IOException {
    String target = System.getProperty("ticketing.record-histories");
    if (target != null) {
      String history = client.fetchHistory(OrderWorkflow.workflowId(order)).toJson(true);
      Path file = Path.of(target, test.getTestMethod().orElseThrow().getName() + ".json");
      Files.writeString(file, history);
    }
  }
}
