package dev.ticketing.payouts.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.api.ApiIntegrationTest;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Poll;
import dev.ticketing.payouts.Payouts;
import dev.ticketing.store.Event;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Payouts with the workers holding each for a second after its sale (PAYOUTS_HOLD=PT1S). */
class PayoutApiIntegrationTest extends ApiIntegrationTest {

  static final String ACCOUNT = "/api/payouts/account";

  @Autowired Payouts payouts;

  @BeforeAll
  static void startWorkers() {
    workers();
  }

  @Test
  void aSellerOpensOnePayoutAccountWhichTheSandboxActivatesAtOnce() {
    ApiClient seller = signedUp();

    Answer none = seller.get(ACCOUNT);
    Answer opened = openAccount(seller);
    Answer again = openAccount(seller);

    assertThat(none.text("status")).isEqualTo("none");
    assertThat(none.body().path("accountId").isNull()).isTrue();
    assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
    assertThat(opened.text("status")).isEqualTo("active");
    assertThat(opened.text("accountId")).startsWith("acct_");
    assertThat(opened.body().path("onboardingUrl").isNull()).isTrue();
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.text("accountId")).isEqualTo(opened.text("accountId"));
    assertThat(anonymous().get(ACCOUNT).errors()).containsExactly("Not authorized");
    assertThat(anonymous().get("/api/payouts").errors()).containsExactly("Not authorized");
  }

  @Test
  void aSaleIsPaidToItsSellerLessTheFeeOnceTheHoldIsOver() {
    ApiClient seller = signedUp();
    openAccount(seller);
    String ticket = sell(seller, "19.99");
    String order = bought(ticket);

    JsonNode paid = payoutOnceItIs(seller, "paid");

    assertThat(paid.path("orderId").asString()).isEqualTo(order);
    assertThat(paid.path("ticketId").asString()).isEqualTo(ticket);
    assertThat(paid.path("amount").asLong()).isEqualTo(1_799);
    assertThat(paid.path("fee").asLong()).isEqualTo(200);
    assertThat(paid.path("currency").asString()).isEqualTo("usd");
    assertThat(paid.path("transferId").asString()).startsWith("tr_");
    JsonNode sale = seller.get("/api/sales").body().get(0);
    assertThat(sale.path("ticket").path("status").asString()).isEqualTo("sold");
    assertThat(sale.path("payout").path("status").asString()).isEqualTo("paid");
    assertThat(events(order)).containsExactly("PayoutScheduled", "PayoutSent");
    assertThat(signedUp().get("/api/payouts").body()).isEmpty();
  }

  @Test
  void aSellerWithNoAccountIsPaidOnceTheyOpenOne() {
    ApiClient seller = signedUp();
    String order = bought(sell(seller, "10"));
    payoutOnceItIs(seller, "awaiting_account");
    assertThat(seller.get("/api/sales").body().get(0).path("payout").path("status").asString())
        .isEqualTo("awaiting_account");

    openAccount(seller);

    payoutOnceItIs(seller, "paid");
    assertThat(events(order))
        .containsExactly("PayoutScheduled", "PayoutAwaitingAccount", "PayoutSent");
  }

  @Test
  void aDisputeTakesThePaidTransferBackOnceAndALostOneCancelsThePayout() {
    ApiClient seller = signedUp();
    openAccount(seller);
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(seller, "10")).text("id");
    pay(buyer, order, "tok_visa");
    String intent =
        buyer.get("/api/payments?orderId=" + order).body().get(0).path("stripeId").asString();
    payoutOnceItIs(seller, "paid");

    String opened = dispute("evt_open_" + order, "charge.dispute.created", intent, "warning");
    assertThat(webhook(opened).status()).isEqualTo(200);
    assertThat(webhook(opened).status()).isEqualTo(200); // Stripe delivers at least once
    payoutOnceItIs(seller, "reversed");
    webhook(dispute("evt_lost_" + order, "charge.dispute.closed", intent, "lost"));

    payoutOnceItIs(seller, "cancelled");
    assertThat(events(order))
        .containsExactly("PayoutScheduled", "PayoutSent", "PayoutReversed", "PayoutCancelled");
  }

  private static Answer openAccount(ApiClient seller) {
    return seller.send("POST", ACCOUNT, null);
  }

  /** The ticket bought and paid by a new buyer; answers the order's id. */
  private String bought(String ticket) {
    ApiClient buyer = signedUp();
    String order = order(buyer, ticket).text("id");
    Answer paid = pay(buyer, order, "tok_visa");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    return order;
  }

  /** The seller's one payout, once it has the status. */
  private static JsonNode payoutOnceItIs(ApiClient seller, String status) {
    Poll.until(
        "the payout is " + status,
        Duration.ofSeconds(20),
        () -> seller.get("/api/payouts").body().path(0).path("status").asString("").equals(status));
    return seller.get("/api/payouts").body().get(0);
  }

  private List<String> events(String order) {
    return payouts.events().of(order).stream().map(Event::type).toList();
  }

  private static String dispute(String eventId, String type, String intent, String status) {
    return """
    {"id":"%s","object":"event","type":"%s","api_version":"2025-01-27.acacia",
     "data":{"object":{"id":"dp_%s","object":"dispute","payment_intent":"%s","status":"%s"}}}\
    """
        .formatted(eventId, type, intent, intent, status);
  }
}
