package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link StripeGateway#stopCharge} against a stand-in Stripe that keeps idempotency keys as Stripe
 * does (stripe-mock keeps none): a key answers its first request again, and refuses other
 * parameters.
 */
class StopChargeTest {

  static final PaymentGateway.ChargeOrder VISA = ChargeOrders.paidWith("tok_visa");
  static final PaymentGateway.ChargeOrder DECLINED = ChargeOrders.paidWith("tok_chargeDeclined");

  final Map<String, String> statuses = new ConcurrentHashMap<>();
  final Map<String, String[]> keys = new ConcurrentHashMap<>();
  HttpServer stripe;
  StripeGateway gateway;

  @BeforeEach
  void start() throws IOException {
    stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stripe.createContext("/v1/payment_intents", this::paymentIntents);
    stripe.createContext("/v1/payment_methods", this::paymentMethods);
    stripe.start();
    gateway = new StripeGateway("sk_test_123", "http://127.0.0.1:" + stripe.getAddress().getPort());
  }

  @AfterEach
  void stop() {
    stripe.stop(0);
  }

  @Test
  void aChargeThatNeverReachedStripeCanNoLongerTakeMoney() {
    assertThat(gateway.stopCharge(VISA)).isEmpty();

    assertThatThrownBy(() -> gateway.charge(VISA)).isInstanceOf(StripeGateway.KeyUsed.class);
    assertThat(statuses.values()).containsExactly("canceled");
  }

  @Test
  void aChargeThatSucceededUnansweredIsFound() {
    String charged = gateway.charge(VISA);

    assertThat(gateway.stopCharge(VISA)).contains(charged);
    assertThat(gateway.stopCharge(VISA)).contains(charged);
    assertThat(statuses).containsExactly(Map.entry(charged, "succeeded"));
  }

  @Test
  void aDeclinedChargeTookNothing() {
    assertThatThrownBy(() -> gateway.charge(DECLINED)).isInstanceOf(PaymentGateway.Refused.class);

    assertThat(gateway.stopCharge(DECLINED)).isEmpty();
    assertThat(statuses.values()).containsExactly("canceled");
  }

  @Test
  void aChargeStripeHasNotDecidedIsUnansweredAndItsUndoWaitsItOut() {
    var undecided = ChargeOrders.paidWith("tok_processing");

    assertThatThrownBy(() -> gateway.charge(undecided))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(PaymentGateway.Refused.class);
    assertThatThrownBy(() -> gateway.stopCharge(undecided))
        .hasMessageContaining("is still processing");
    statuses.replaceAll((intent, status) -> "succeeded"); // Stripe took the money after all
    assertThat(gateway.stopCharge(undecided)).isPresent(); // to be refunded
  }

  @Test
  void stoppingAgainAnswersTheSame() {
    assertThat(gateway.stopCharge(VISA)).isEmpty();
    assertThat(gateway.stopCharge(VISA)).isEmpty();

    assertThat(statuses.values()).containsExactly("canceled");
  }

  /** Turns a card token into a PaymentMethod named after it. */
  private void paymentMethods(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String token = body.replaceAll(".*card%5Btoken%5D=([A-Za-z_]+).*", "$1");
    StripeGatewayTest.answer(
        exchange, 200, "{\"id\": \"pm_from_%s\", \"object\": \"payment_method\"}".formatted(token));
  }

  private void paymentIntents(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (path.equals("/v1/payment_intents")) {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String[] first = keys.computeIfAbsent(key, k -> create(body));
      if (first[0].equals(body)) {
        StripeGatewayTest.answer(exchange, Integer.parseInt(first[1]), first[2]);
      } else {
        StripeGatewayTest.answer(exchange, 400, error("idempotency_error", null, null));
      }
      return;
    }
    String id = path.split("/")[3];
    if (path.endsWith("/cancel")) {
      if (statuses.get(id).equals("succeeded") || statuses.get(id).equals("canceled")) {
        StripeGatewayTest.answer(
            exchange, 400, error("invalid_request_error", "payment_intent_unexpected_state", id));
        return;
      }
      statuses.put(id, "canceled");
    }
    StripeGatewayTest.answer(exchange, 200, intent(id));
  }

  /**
   * Makes the intent a request asks for: the first answer of its key, as {body, status, answer}.
   */
  private String[] create(String body) {
    String id = "pi_" + (statuses.size() + 1);
    if (!body.contains("confirm=true")) {
      statuses.put(id, "requires_confirmation");
      return new String[] {body, "200", intent(id)};
    }
    if (body.contains("chargeDeclined")) {
      statuses.put(id, "requires_payment_method");
      return new String[] {body, "402", error("card_error", "card_declined", id)};
    }
    statuses.put(id, body.contains("tok_processing") ? "processing" : "succeeded");
    return new String[] {body, "200", intent(id)};
  }

  private String intent(String id) {
    return """
    {"id": "%s", "object": "payment_intent", "status": "%s"}\
    """
        .formatted(id, statuses.get(id));
  }

  private String error(String type, String code, String intent) {
    return """
    {"error": {"type": "%s", "code": "%s", "message": "Refused", "payment_intent": %s}}\
    """
        .formatted(type, code, intent == null ? "null" : intent(intent));
  }
}
