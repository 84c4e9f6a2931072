package dev.ticketing.payments.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.api.ApiIntegrationTest;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Poll;
import dev.ticketing.orders.Orders;
import dev.ticketing.payments.Payments;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.OrderId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class PaymentApiIntegrationTest extends ApiIntegrationTest {

  static final String PAYMENTS = "/api/payments";

  @Autowired Orders orders;
  @Autowired Payments payments;

  @BeforeAll
  static void startWorkers() {
    workers();
  }

  @Test
  void payingCompletesTheOrderSellsTheTicketAndRecordsPaymentCreated() {
    String ticket = sell(signedUp(), "19.99");
    ApiClient buyer = signedUp();
    String order = order(buyer, ticket).text("id");

    Answer paid = pay(buyer, order, "tok_visa");

    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    assertThat(buyer.get("/api/orders/" + order).text("status")).isEqualTo("complete");
    assertThat(anonymous().get("/api/tickets/" + ticket).text("status")).isEqualTo("sold");
    Answer listed = buyer.get(PAYMENTS + "?orderId=" + order);
    assertThat(listed.body().size()).isEqualTo(1);
    var payment = listed.body().get(0);
    assertThat(payment.path("id").asString()).isEqualTo(paid.text("id"));
    assertThat(payment.path("orderId").asString()).isEqualTo(order);
    assertThat(payment.path("amount").asLong()).isEqualTo(1999);
    assertThat(payment.path("currency").asString()).isEqualTo("usd");
    assertThat(payment.path("status").asString()).isEqualTo("succeeded");
    assertThat(payment.path("stripeId").asString()).startsWith("pi_");
    assertThat(payments.events().of(paid.text("id")))
        .extracting(Event::type)
        .containsExactly("PaymentCreated");
    assertThat(orders.events().of(order))
        .extracting(Event::type)
        .containsExactly("OrderCreated", "OrderPaymentStarted", "OrderCompleted");
    assertThat(order(signedUp(), ticket).errors()).containsExactly("Ticket is already reserved");
  }

  @Test
  void aPaidOrderIsNotPaidAgain() {
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(signedUp(), "10")).text("id");
    pay(buyer, order, "pm_card_visa");

    assertThat(pay(buyer, order, "tok_visa").errors())
        .containsExactly("Order has already been paid");
    assertThat(buyer.get(PAYMENTS + "?orderId=" + order).body().size()).isEqualTo(1);
  }

  @Test
  void aDeclinedCardIs402AndCancelsTheOrderReleasingTheTicket() {
    String ticket = sell(signedUp(), "10");
    ApiClient buyer = signedUp();
    String order = order(buyer, ticket).text("id");

    Answer declined = pay(buyer, order, "tok_chargeDeclined");

    assertThat(declined.status()).isEqualTo(402);
    assertThat(declined.errors()).containsExactly("Your card was declined.");
    Answer cancelled = buyer.get("/api/orders/" + order);
    assertThat(cancelled.text("status")).isEqualTo("cancelled");
    assertThat(cancelled.text("cancellationReason")).isEqualTo("payment_failed");
    assertThat(anonymous().get("/api/tickets/" + ticket).text("status")).isEqualTo("available");
    assertThat(buyer.get(PAYMENTS + "?orderId=" + order).body().get(0).path("status").asString())
        .isEqualTo("failed");
    assertThat(pay(buyer, order, "tok_visa").errors())
        .containsExactly("Cannot pay for a cancelled order");
  }

  @Test
  void refusesBadRequestsAndOtherPeoplesOrders() {
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(signedUp(), "10")).text("id");

    assertThat(anonymous().post(PAYMENTS, Map.of("orderId", order, "token", "tok_visa")).status())
        .isEqualTo(401);
    assertThat(buyer.post(PAYMENTS, Map.of()).errors())
        .containsExactlyInAnyOrder("Token is required@token", "OrderId is required@orderId");
    assertThat(pay(buyer, "6b06ddcdcca1f3f6e6fea0d9", "tok_visa").status()).isEqualTo(404);
    assertThat(pay(buyer, "nope", "tok_visa").status()).isEqualTo(404);
    assertThat(pay(signedUp(), order, "tok_visa").errors()).containsExactly("Not authorized");
    assertThat(signedUp().get(PAYMENTS + "?orderId=" + order).status()).isEqualTo(401);
    assertThat(anonymous().get(PAYMENTS + "?orderId=" + order).status()).isEqualTo(401);
    assertThat(buyer.get(PAYMENTS + "?orderId=6b06ddcdcca1f3f6e6fea0d9").status()).isEqualTo(404);
    assertThat(buyer.get(PAYMENTS + "?orderId=" + order).body().size()).isZero();
    buyer.delete("/api/orders/" + order);
    assertThat(pay(buyer, order, "tok_visa").errors())
        .containsExactly("Cannot pay for a cancelled order");
  }

  @Test
  void aStripePaymentAfterTheOrderClosedIsRefundedOnceHoweverOftenItIsDelivered() {
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(signedUp(), "10")).text("id");
    buyer.delete("/api/orders/" + order);
    String paymentIntent = "pi_" + UUID.randomUUID().toString().replace("-", "");
    String payload = paymentSucceeded("evt_" + UUID.randomUUID(), paymentIntent, order, buyer);
    String anotherEvent = paymentSucceeded("evt_" + UUID.randomUUID(), paymentIntent, order, buyer);

    Answer first = webhook(payload);
    Answer replayed = webhook(payload);
    Answer reportedAgain = webhook(anotherEvent);

    assertThat(List.of(first, replayed, reportedAgain)).allMatch(a -> a.status() == 200);
    Poll.until(
        "the late payment is refunded",
        Duration.ofSeconds(20),
        () ->
            payments.forOrder(new OrderId(order)).stream()
                .anyMatch(p -> p.status().value().equals("refunded")));
    assertThat(payments.forOrder(new OrderId(order))).hasSize(1);
  }

  @Test
  void aStripePaymentForAnOpenOrderCompletesIt() {
    String ticket = sell(signedUp(), "10");
    ApiClient buyer = signedUp();
    String order = order(buyer, ticket).text("id");
    String payload = paymentSucceeded("evt_" + UUID.randomUUID(), "pi_open_" + order, order, buyer);

    assertThat(webhook(payload).status()).isEqualTo(200);

    Poll.until(
        "the order is complete",
        Duration.ofSeconds(20),
        () -> "complete".equals(buyer.get("/api/orders/" + order).text("status")));
    Poll.until(
        "the ticket is sold",
        Duration.ofSeconds(20),
        () -> "sold".equals(anonymous().get("/api/tickets/" + ticket).text("status")));
  }

  @Test
  void aWebhookWithABadSignatureIs400() {
    String payload = paymentSucceeded("evt_bad", "pi_bad", "6b06ddcdcca1f3f6e6fea0d9", signedUp());

    assertThat(webhook(payload, sign(payload, "whsec_other")).errors())
        .containsExactly("Invalid Stripe signature");
    assertThat(webhook(payload, "").status()).isEqualTo(400);
  }

  /** A payment_intent.succeeded event for 10.00 paid to one of our orders. */
  private static String paymentSucceeded(
      String eventId, String paymentIntent, String order, ApiClient buyer) {
    String buyerId =
        buyer.get("/api/users/currentuser").body().path("currentUser").path("id").asString();
    return """
    {"id":"%s","object":"event","type":"payment_intent.succeeded","api_version":"2025-01-27.acacia",
     "data":{"object":{"id":"%s","object":"payment_intent","amount":1000,"currency":"usd",
       "status":"succeeded","metadata":{"orderId":"%s","buyerId":"%s"}}}}\
    """
        .formatted(eventId, paymentIntent, order, buyerId);
  }
}
