package dev.ticketing.api;

import com.stripe.net.Webhook;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.BootJar;
import dev.ticketing.harness.ExternalProcess;
import dev.ticketing.harness.LocalStack;
import java.net.URI;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The API in this JVM, against a real FerretDB and Temporal dev server spawned for the test run;
 * tests that buy something also get the workers jar as a process. Every test class extending this
 * shares one application context, so one API.
 */
@SpringBootTest(
    classes = TicketingApi.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ApiIntegrationTest {

  public static final String JWT_KEY = "integration-tests-key-of-at-least-32-bytes";
  public static final String WEBHOOK_SECRET = "whsec_integration";

  private static BootJar workers;

  @LocalServerPort int port;
  @LocalManagementPort int managementPort;

  @DynamicPropertySource
  static void stack(DynamicPropertyRegistry properties) {
    for (String domain : new String[] {"users", "tickets", "orders", "payments", "payouts"}) {
      properties.add("ticketing." + domain + ".mongodb-uri", LocalStack.ferretDb()::uri);
    }
    properties.add("spring.temporal.connection.target", LocalStack.temporal()::address);
    properties.add("ticketing.session.key", () -> JWT_KEY);
    // A port of its own: 0 for both would put health and metrics on the public port.
    properties.add("management.server.port", ExternalProcess::freePort);
    properties.add("ticketing.users.password-strength", () -> 4);
    properties.add("ticketing.payments.stripe.webhook-secret", () -> WEBHOOK_SECRET);
  }

  /** The workers process, started the first time a test needs orders to run. */
  protected static synchronized BootJar workers() {
    if (workers == null) {
      workers =
          BootJar.launch(
              "workers",
              Map.of(
                  "MONGODB_URI",
                  LocalStack.ferretDb().uri(),
                  "TEMPORAL_ADDRESS",
                  LocalStack.temporal().address(),
                  // a payout is released a second after its sale, not days
                  "PAYOUTS_HOLD",
                  "PT1S",
                  // emails are the end-to-end tests' (with Mailpit); here they wait unsent
                  "TICKETING_WORKER_QUEUES",
                  "orders,tickets,payments,payouts"));
      Runtime.getRuntime().addShutdownHook(new Thread(workers::close));
    }
    return workers;
  }

  protected ApiClient anonymous() {
    return new ApiClient(URI.create("http://127.0.0.1:" + port));
  }

  /** A client of the API's health and metrics, on their own port. */
  protected ApiClient management() {
    return new ApiClient(URI.create("http://127.0.0.1:" + managementPort));
  }

  /** A client signed in as a new user. */
  protected ApiClient signedUp() {
    ApiClient client = anonymous();
    var answer = client.signUp(uniqueEmail());
    if (answer.status() != 201) {
      throw new AssertionError("Could not sign up: " + answer);
    }
    return client;
  }

  /** Lists a ticket for sale as {@code seller}; answers its id. */
  protected static String sell(ApiClient seller, String price) {
    var answer =
        seller.post(
            "/api/tickets", Map.of("title", "Concert " + UUID.randomUUID(), "price", price));
    if (answer.status() != 201) {
      throw new AssertionError("Could not list a ticket: " + answer);
    }
    return answer.text("id");
  }

  /** Starts an order for the ticket as {@code buyer}. */
  protected static ApiClient.Answer order(ApiClient buyer, String ticketId) {
    return buyer.post("/api/orders", Map.of("ticketId", ticketId));
  }

  /** Pays for the order as {@code buyer} with a card token. */
  protected static ApiClient.Answer pay(ApiClient buyer, String orderId, String token) {
    return buyer.post("/api/payments", Map.of("orderId", orderId, "token", token));
  }

  /** Delivers a Stripe event to the webhook, signed with {@link #WEBHOOK_SECRET}. */
  protected ApiClient.Answer webhook(String payload) {
    return webhook(payload, sign(payload, WEBHOOK_SECRET));
  }

  protected ApiClient.Answer webhook(String payload, String signature) {
    return anonymous()
        .send("POST", "/api/payments/webhook", payload, "Stripe-Signature", signature);
  }

  /** A Stripe-Signature header for the payload, as Stripe signs it with {@code secret}. */
  protected static String sign(String payload, String secret) {
    long timestamp = Instant.now().getEpochSecond();
    try {
      return "t=%d,v1=%s"
          .formatted(timestamp, Webhook.Util.computeHmacSha256(secret, timestamp + "." + payload));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  protected static String uniqueEmail() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }
}
