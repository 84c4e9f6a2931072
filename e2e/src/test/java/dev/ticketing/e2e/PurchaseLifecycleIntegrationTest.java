package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Poll;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Buying, paying and expiring through HTTP, with every process real and separate. */
class PurchaseLifecycleIntegrationTest {

  static final Duration EXPIRY_GRACE = Duration.ofSeconds(5);

  final EndToEndStack stack = EndToEndStack.get();
  final ApiClient seller = stack.newUser();
  final ApiClient buyer = stack.newUser();

  @Test
  void aPurchasePaidWithTheTestCardSellsTheTicketForGood() {
    String ticket = sell();
    assertThat(listed()).contains(ticket);

    Answer order = order(buyer, ticket);
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    assertThat(listed()).doesNotContain(ticket);
    Answer paid = pay(order, "tok_visa");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    assertThat(status(order)).isEqualTo("complete");
    assertThat(ticket(ticket).text("status")).isEqualTo("sold");
    assertThat(order(stack.newUser(), ticket).errors())
        .containsExactly("Ticket is already reserved");
    Poll.until(
        "the paid order's window has passed",
        EndToEndStack.EXPIRATION.plusSeconds(10),
        () -> Instant.now().isAfter(expiresAt(order).plusSeconds(1)));
    assertThat(status(order)).isEqualTo("complete");
    assertThat(ticket(ticket).text("status")).isEqualTo("sold");
  }

  @Test
  void aDeclinedCardCancelsTheOrderAndListsTheTicketAgain() {
    String ticket = sell();
    Answer order = order(buyer, ticket);

    Answer declined = pay(order, "tok_chargeDeclined");

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.errors()).containsExactly("Your card was declined.");
    assertThat(buyer.get("/api/orders/" + order.text("id")).text("cancellationReason"))
        .isEqualTo("payment_failed");
    assertThat(listed()).contains(ticket);
  }

  @Test
  void anUnpaidOrderExpiresOnTimeAndTheTicketIsListedAgain() {
    String ticket = sell();
    Answer order = order(buyer, ticket);
    Instant expiresAt = expiresAt(order);

    Poll.until(
        "the ticket is listed again", Duration.ofSeconds(30), () -> listed().contains(ticket));
    Instant listedAgain = Instant.now();

    assertThat(listedAgain).isBetween(expiresAt, expiresAt.plus(EXPIRY_GRACE));
    Answer expired = buyer.get("/api/orders/" + order.text("id"));
    assertThat(expired.text("status")).isEqualTo("cancelled");
    assertThat(expired.text("cancellationReason")).isEqualTo("expired");
  }

  @Test
  void ordersPendingWhileTheWorkersAreKilledStillExpire() {
    List<Answer> pending = IntStream.range(0, 3).mapToObj(i -> order(buyer, sell())).toList();

    stack.workers.kill();
    stack.workers.start();

    for (Answer order : pending) {
      awaitExpiry(order);
    }
  }

  @Test
  void theTimerStillFiresAfterTheTemporalServerRestarts() {
    Answer order = order(buyer, sell());

    stack.temporal.stop();
    stack.temporal.start();

    awaitExpiry(order);
  }

  @Test
  void theApiAndTheWorkersReportHealthAndTemporalMetrics() {
    order(buyer, sell());

    for (var process : List.of(stack.api, stack.workers)) {
      var client = new ApiClient(process.managementUri());
      assertThat(client.get("/actuator/health/liveness").text("status")).isEqualTo("UP");
      assertThat(client.get("/actuator/health/readiness").text("status")).isEqualTo("UP");
    }
    // The API's public port serves no actuator (what answers there is the web client's page):
    // health and metrics are on its management port.
    assertThat(body(stack.api.uri().resolve("/actuator/prometheus"))).doesNotContain("# TYPE");
    Poll.until(
        "the workers report Temporal's workflow task metrics",
        Duration.ofSeconds(30),
        () -> metrics(stack.workers).contains("temporal_workflow_task_execution_latency"));
    assertThat(metrics(stack.api)).contains("temporal_request");
    assertThat(stack.anonymous().get("/actuator/prometheus").status())
        .as("metrics are not on the public port")
        .isEqualTo(404);
  }

  @Test
  void theApiAndTheWorkersRunUnpackedOnTheJdkClassPath() throws IOException {
    // Not from the fat jar: its nested-jar loader can freeze a cold process (README, "Why the apps
    // run unpacked").
    for (var process : List.of(stack.api, stack.workers)) {
      try (var jar = new JarFile(process.jar().toFile())) {
        var manifest = jar.getManifest().getMainAttributes();
        assertThat(manifest.getValue("Main-Class")).startsWith("dev.ticketing.");
        assertThat(manifest.getValue("Class-Path")).startsWith("lib/");
      }
    }
  }

  private void awaitExpiry(Answer order) {
    String ticket = order.body().path("ticket").path("id").asString();
    Poll.until(
        "order " + order.text("id") + " expires",
        Duration.ofSeconds(60),
        () -> "cancelled".equals(status(order)));
    assertThat(buyer.get("/api/orders/" + order.text("id")).text("cancellationReason"))
        .isEqualTo("expired");
    Poll.until(
        "ticket " + ticket + " is released",
        Duration.ofSeconds(30),
        () -> "available".equals(ticket(ticket).text("status")));
  }

  private String sell() {
    Answer ticket =
        seller.post("/api/tickets", Map.of("title", "Show " + UUID.randomUUID(), "price", "42.00"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    return ticket.text("id");
  }

  private static Answer order(ApiClient client, String ticket) {
    return client.post("/api/orders", Map.of("ticketId", ticket));
  }

  private Answer pay(Answer order, String token) {
    return buyer.post("/api/payments", Map.of("orderId", order.text("id"), "token", token));
  }

  private String status(Answer order) {
    return buyer.get("/api/orders/" + order.text("id")).text("status");
  }

  private Answer ticket(String id) {
    return stack.anonymous().get("/api/tickets/" + id);
  }

  private List<String> listed() {
    return stack
        .anonymous()
        .get("/api/tickets?limit=500")
        .body()
        .valueStream()
        .map(t -> t.path("id").asString())
        .toList();
  }

  private static String metrics(dev.ticketing.harness.BootJar process) {
    return body(process.managementUri().resolve("/actuator/prometheus"));
  }

  private static String body(java.net.URI uri) {
    try {
      var request = java.net.http.HttpRequest.newBuilder(uri).build();
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Instant expiresAt(Answer order) {
    return Instant.parse(order.text("expiresAt"));
  }
}
