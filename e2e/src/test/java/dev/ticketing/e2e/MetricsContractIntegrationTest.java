package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.BootJar;
import io.temporal.worker.MetricsType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every metric the alert rules and the Grafana dashboard select (as deploy-check lists them) is one
 * the API or a workers process exports at {@code /actuator/prometheus}: a metric renamed in the
 * code or misspelled in a query fails here instead of leaving an alert that can never fire.
 */
class MetricsContractIntegrationTest {

  /** kube-state-metrics exports these about the Deployments, not the apps. */
  static final String KUBE_STATE_METRICS = "kube_";

  /**
   * A counter the Temporal SDK registers at its first increment, so a healthy run never exports it:
   * held instead to the SDK's own name, with the {@code _total} Micrometer gives a counter.
   */
  static final String WORKFLOW_TASK_FAILURES =
      MetricsType.WORKFLOW_TASK_EXECUTION_FAILURE_COUNTER + "_total";

  /** A sample's metric name: the start of a line that is not a comment. */
  static final Pattern SAMPLE =
      Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]", Pattern.MULTILINE);

  final EndToEndStack stack = EndToEndStack.get();
  final ApiClient seller = stack.newUser();
  final ApiClient buyer = stack.newUser();

  @Test
  void everyMetricTheAlertsAndTheDashboardSelectIsExported() throws Exception {
    String sold = sell();
    Answer order = buyer.post("/api/orders", Map.of("ticketId", sold));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    assertThat(pay(order, "tok_visa").status()).isEqualTo(201);
    Answer own = seller.post("/api/orders", Map.of("ticketId", sell()));
    assertThat(own.errors()).as("a refusal, counted by reason").isNotEmpty();
    Answer declined = buyer.post("/api/orders", Map.of("ticketId", sell()));
    assertThat(pay(declined, "tok_chargeDeclined").status()).isEqualTo(402);

    List<String> selected =
        selectedMetrics().stream().filter(name -> !name.startsWith(KUBE_STATE_METRICS)).toList();
    assertThat(selected).as("deploy-check -metrics").isNotEmpty();
    // The workers count the payments' activities in their own time.
    Instant deadline = Instant.now().plusSeconds(30);
    Set<String> missing = missing(selected);
    while (!missing.isEmpty() && Instant.now().isBefore(deadline)) {
      Thread.sleep(500);
      missing = missing(selected);
    }
    assertThat(missing)
        .as("selected by the alerts or the dashboard, exported by no process")
        .isEmpty();
  }

  private Set<String> missing(List<String> selected) {
    Set<String> missing = new TreeSet<>(selected);
    missing.removeAll(exported());
    missing.remove(WORKFLOW_TASK_FAILURES);
    return missing;
  }

  private String sell() {
    Answer ticket =
        seller.post("/api/tickets", Map.of("title", "Gig " + UUID.randomUUID(), "price", "30.00"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    return ticket.text("id");
  }

  private Answer pay(Answer order, String token) {
    return buyer.post("/api/payments", Map.of("orderId", order.text("id"), "token", token));
  }

  /** The names of the samples every process exports, histograms' {@code _bucket} lines included. */
  private Set<String> exported() {
    Set<String> names = new HashSet<>();
    for (BootJar process : List.of(stack.api, stack.workers, stack.mailer)) {
      var matcher = SAMPLE.matcher(scrape(process));
      while (matcher.find()) {
        names.add(matcher.group(1));
      }
    }
    return names;
  }

  private static String scrape(BootJar process) {
    var request =
        HttpRequest.newBuilder(process.managementUri().resolve("/actuator/prometheus")).build();
    try (var http = HttpClient.newHttpClient()) {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** What {@code go run . -metrics ..} in deploy-check prints: one metric name a line. */
  private static List<String> selectedMetrics() throws IOException, InterruptedException {
    Path deployCheck = ExternalTestRun.ROOT.resolve("deploy-check");
    Path errors = Files.createTempFile("deploy-check-metrics", ".log");
    var builder =
        new ProcessBuilder("go", "run", ".", "-metrics", "..")
            .directory(deployCheck.toFile())
            .redirectError(errors.toFile());
    builder.environment().putAll(Map.of("GOTOOLCHAIN", "local", "GOFLAGS", "-buildvcs=false"));
    Process run = builder.start();
    run.getOutputStream().close();
    String output = new String(run.getInputStream().readAllBytes());
    if (!run.waitFor(5, TimeUnit.MINUTES)) {
      run.destroyForcibly();
      throw new AssertionError("deploy-check -metrics did not finish within 5 minutes");
    }
    assertThat(run.exitValue()).as("deploy-check -metrics: " + Files.readString(errors)).isZero();
    return output.lines().filter(line -> !line.isBlank()).toList();
  }
}
