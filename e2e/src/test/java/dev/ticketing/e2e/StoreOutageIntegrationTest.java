package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Poll;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One domain's database down, the others up: the API keeps serving what doesn't need it, answers
 * what does with 503 in the error format, stays ready, and says which store is down.
 */
class StoreOutageIntegrationTest {

  final SplitStoreStack stack = SplitStoreStack.get();

  @Test
  void aPaymentsStoreOutageFailsOnlyWhatNeedsPaymentsAndLeavesThePodReady() {
    ApiClient seller = stack.newUser();
    ApiClient buyer = stack.newUser();
    String ticket = sell(seller);
    Answer order = buyer.post("/api/orders", Map.of("ticketId", ticket));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    String payments = "/api/payments?orderId=" + order.text("id");
    Answer paid =
        buyer.post("/api/payments", Map.of("orderId", order.text("id"), "token", "tok_visa"));
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);

    stack.paymentsStore.stop();
    try {
      assertThat(stack.anonymous().get("/api/tickets").status()).isEqualTo(200);
      assertThat(stack.anonymous().get("/api/tickets/" + ticket).status()).isEqualTo(200);
      String email = SplitStoreStack.email();
      assertThat(
              stack
                  .anonymous()
                  .post("/api/users/signup", SplitStoreStack.credentials(email))
                  .status())
          .isEqualTo(201);
      assertThat(
              stack
                  .anonymous()
                  .post("/api/users/signin", SplitStoreStack.credentials(email))
                  .status())
          .isEqualTo(200);
      assertThat(buyer.get("/api/orders").status()).isEqualTo(200);
      assertThat(sell(seller)).isNotBlank();

      Answer unavailable = buyer.get(payments);
      assertThat(unavailable.status()).as(unavailable.toString()).isEqualTo(503);
      assertThat(unavailable.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/json");
      assertThat(unavailable.body().size()).isEqualTo(1);
      assertThat(unavailable.errors()).containsExactly("Service unavailable");

      assertThat(stack.management().get("/actuator/health/readiness").status()).isEqualTo(200);
      assertThat(
              new ApiClient(stack.workers.managementUri())
                  .get("/actuator/health/readiness")
                  .status())
          .isEqualTo(200);
      Answer health = stack.management().get("/actuator/health");
      assertThat(health.status()).isEqualTo(503);
      var stores = health.body().path("components").path("stores");
      assertThat(stores.path("status").asString()).isEqualTo("DOWN");
      assertThat(stores.path("details").path("payments").asString()).isEqualTo("DOWN");
      assertThat(stores.path("details").path("users").asString()).isEqualTo("UP");
    } finally {
      stack.paymentsStore.start();
    }

    Poll.until(
        "payments are served again",
        Duration.ofSeconds(30),
        () -> buyer.get(payments).status() == 200);
    assertThat(buyer.get(payments).body().path(0).path("status").asString()).isEqualTo("succeeded");
    Poll.until(
        "the API's health is UP again",
        Duration.ofSeconds(30),
        () -> stack.management().get("/actuator/health").status() == 200);
  }

  private static String sell(ApiClient seller) {
    Answer ticket =
        seller.post("/api/tickets", Map.of("title", "Show " + UUID.randomUUID(), "price", "42.00"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    return ticket.text("id");
  }
}
