package dev.ticketing.workflows.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the recorded histories (make histories) with today's workflow code: a change that would
 * break an order already running fails here. Guard such a change with {@code Workflow.getVersion}.
 * Each folder holds the histories recorded under one workflow version, named after its change.
 */
class OrderWorkflowReplayTest {

  static final Path HISTORIES = Path.of("src/test/resources/histories");

  @Test
  void historiesAreRecorded() throws IOException {
    assertThat(histories()).hasSizeGreaterThanOrEqualTo(40);
  }

  @TestFactory
  Stream<DynamicTest> replaysEveryRecordedHistory() throws IOException {
    return histories().stream()
        .map(file ->
            DynamicTest.dynamicTest(
                HISTORIES.relativize(file).toString(),
                () ->
                    WorkflowReplayer.replayWorkflowExecution(
                        WorkflowExecutionHistory.fromJson(Files.readString(file)),
                        OrderWorkflowImpl.class)));
  }

  private static List<Path> histories() throws IOException {
    try (Stream<Path> files = Files.walk(HISTORIES)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }
}
