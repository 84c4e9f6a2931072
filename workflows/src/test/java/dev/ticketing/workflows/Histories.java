package dev.ticketing.workflows;

import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.TestInfo;

/** Writes a test's workflow history for the replay test, when make histories asks for it. */
public final class Histories {

  private Histories() {}

  public static void recordIfAsked(WorkflowClient client, String workflowId, TestInfo test)
      throws IOException {
    String target = System.getProperty("ticketing.record-histories");
    if (target != null) {
      String history = client.fetchHistory(workflowId).toJson(true);
      Path file = Path.of(target, test.getTestMethod().orElseThrow().getName() + ".json");
      Files.writeString(file, history);
    }
  }
}
