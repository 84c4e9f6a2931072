package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Schemathesis, from PyPI ({@code make tools} installs it), generates requests from the API's own
 * OpenAPI document and runs every check on the answers: no 5xx, only documented statuses, bodies
 * and content types as described, schema-valid requests accepted and invalid ones refused, 405 with
 * {@code Allow} for undeclared methods, 401 where a session is required, and, following the
 * document's links, stateful sequences. The seed is fixed so that a failure is reproducible; run
 * {@code st} by hand (see src/test/schemathesis) for fresh ones.
 */
class SchemathesisIntegrationTest {

  static final Path SCHEMATHESIS = ExternalTestRun.ROOT.resolve("e2e/src/test/schemathesis");

  final EndToEndStack stack = EndToEndStack.get();

  @Test
  void theApiKeepsEveryPromiseOfItsOpenApiDocument() throws Exception {
    String api = stack.patientApi().uri().toString();
    var schemathesis =
        new ExternalTestRun(
            List.of(
                ExternalTestRun.ROOT.resolve(".tools/schemathesis/bin/st").toString(),
                "--config-file",
                "schemathesis.toml",
                "run",
                api + "/v3/api-docs",
                "--workers",
                "1",
                "--seed",
                "20261204"),
            SCHEMATHESIS,
            Path.of("target", "schemathesis.log").toAbsolutePath());

    String failure =
        schemathesis.failure(
            Map.of(
                "TICKETING_URL", api,
                "SCHEMATHESIS_HOOKS", "hooks",
                "NO_COLOR", "1",
                "PYTHONDONTWRITEBYTECODE", "1"),
            Duration.ofMinutes(4));

    assertThat(failure).isNull();
  }
}
