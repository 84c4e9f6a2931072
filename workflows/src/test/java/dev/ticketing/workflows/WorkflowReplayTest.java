package dev.ticketing.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.workflows.orders.OrderWorkflowImpl;
import dev.ticketing.workflows.payouts.PayoutWorkflowImpl;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the recorded histories (make histories) with today's workflow code: a change that would
 * break a workflow already running fails here. Guard such a change with {@code
 * Workflow.getVersion}. Each workflow has a folder, in which each version's histories have theirs,
 * named after its change.
 */
class WorkflowReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories");
  static final Map<String, Class<?>> WORKFLOWS =
      Map.of("orders", OrderWorkflowImpl.class, "payouts", PayoutWorkflowImpl.class);

  @Test
  void historiesAreRecorded() throws IOException {
    assertThat(histories("orders")).hasSizeGreaterThanOrEqualTo(40);
    assertThat(histories("payouts")).hasSizeGreaterThanOrEqualTo(10);
  }

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() {
    return WORKFLOWS.entrySet().stream()
        .flatMap(workflow ->
            histories(workflow.getKey()).stream()
                .map(file ->
                    DynamicTest.dynamicTest(
                        HISTORIES.relativize(file).toString(),
                        () ->
                            WorkflowReplayer.replayWorkflowExecution(
                                WorkflowExecutionHistory.fromJson(Files.readString(file)),
                                workflow.getValue()))));
  }

  private static List<Path> histories(String workflow) {
    try (Stream<Path> files = Files.walk(HISTORIES.resolve(workflow))) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
