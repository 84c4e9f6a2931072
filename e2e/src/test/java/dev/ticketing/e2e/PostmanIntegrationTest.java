package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Postman collection of the whole purchase ({@code postman/}), run by newman. */
class PostmanIntegrationTest {

  final EndToEndStack stack = EndToEndStack.get();

  @Test
  void theCollectionPassesAgainstTheStack() throws Exception {
    var newman =
        new ExternalTestRun(
            List.of("./run.sh", stack.patientApi().uri().toString()),
            ExternalTestRun.ROOT.resolve("postman"),
            Path.of("target", "newman.log").toAbsolutePath());

    assertThat(newman.failure(Map.of(), Duration.ofMinutes(3))).isNull();
  }
}
