package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Answers Stripe gives that stripe-mock never does, from a stand-in Stripe on a local port. */
class StripeGatewayTest {

  HttpServer stripe;

  @AfterEach
  void stop() {
    stripe.stop(0);
  }

  @Test
  void aPaymentAlreadyRefundedInStripeCountsAsRefunded() throws IOException {
    StripeGateway gateway = answering(400, error("charge_already_refunded", "Already refunded"));

    assertThat(gateway.refund("pi_1", "refund-pi_1")).isEqualTo("pi_1");
  }

  @Test
  void aRefundStripeRefusesForAnotherReasonIsRefused() throws IOException {
    StripeGateway gateway = answering(400, error("resource_missing", "No such payment_intent"));

    assertThatThrownBy(() -> gateway.refund("pi_1", "refund-pi_1"))
        .isInstanceOf(PaymentGateway.Refused.class);
  }

  @Test
  void stripeFailingIsWorthRetrying() throws IOException {
    StripeGateway gateway = answering(500, error("api_error", "Something went wrong"));

    assertThatThrownBy(() -> gateway.refund("pi_1", "refund-pi_1"))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(PaymentGateway.Refused.class);
  }

  private StripeGateway answering(int status, String body) throws IOException {
    stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stripe.createContext("/", exchange -> answer(exchange, status, body));
    stripe.start();
    return new StripeGateway("sk_test_123", "http://127.0.0.1:" + stripe.getAddress().getPort());
  }

  /** Answers a request to a stand-in Stripe with JSON. */
  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private static String error(String code, String message) {
    return """
    {"error": {"type": "invalid_request_error", "code": "%s", "message": "%s"}}\
    """
        .formatted(code, message);
  }
}
