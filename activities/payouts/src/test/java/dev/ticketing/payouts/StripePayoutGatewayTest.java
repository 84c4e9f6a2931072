package dev.ticketing.payouts;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Answers Stripe gives that stripe-mock never does, from a stand-in Stripe on a local port: a
 * transfer the order's group already holds, made long enough ago that its key is forgotten.
 */
class StripePayoutGatewayTest {

  static final PayoutGateway.Transfer FIRST =
      new PayoutGateway.Transfer("acct_1", 1_799, "usd", "ch_1", "order-1", "payout-order-1");

  final List<String> created = new CopyOnWriteArrayList<>();
  HttpServer stripe;

  @AfterEach
  void stop() {
    stripe.stop(0);
  }

  @Test
  void aTransferMadeUnderItsKeyIsFoundNotMadeAgain() throws IOException {
    PayoutGateway gateway = holding("payout-order-1");

    assertThat(gateway.transfer(FIRST)).isEqualTo("tr_made");
    assertThat(created).isEmpty();
  }

  @Test
  void aTransferUnderAnotherKeyOfTheGroupIsMade() throws IOException {
    PayoutGateway gateway = holding("payout-order-1");
    var again =
        new PayoutGateway.Transfer("acct_1", 1_799, "usd", "ch_1", "order-1", "payout-order-1-2");

    assertThat(gateway.transfer(again)).isEqualTo("tr_new");
    assertThat(created).singleElement().asString().contains("metadata[payoutKey]=payout-order-1-2");
  }

  /** A stand-in Stripe whose order-1 group holds one transfer, made under {@code key}. */
  private PayoutGateway holding(String key) throws IOException {
    stripe = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    stripe.createContext("/v1/transfers", exchange -> transfers(exchange, key));
    stripe.start();
    return new StripePayoutGateway(
        "sk_test_123", "http://127.0.0.1:" + stripe.getAddress().getPort());
  }

  private void transfers(HttpExchange exchange, String key) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String answer;
    if (exchange.getRequestMethod().equals("GET")) {
      answer =
          """
          {"object": "list", "url": "/v1/transfers", "has_more": false, "data": [
            {"id": "tr_made", "object": "transfer", "transfer_group": "order-1",
             "metadata": {"payoutKey": "%s"}}]}\
          """
              .formatted(key);
    } else {
      created.add(java.net.URLDecoder.decode(body, StandardCharsets.UTF_8));
      answer = "{\"id\": \"tr_new\", \"object\": \"transfer\"}";
    }
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }
}
