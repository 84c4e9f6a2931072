package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Mailpit;
import dev.ticketing.harness.Poll;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The emails of a purchase and its payout, read back from Mailpit: each sent once, including when
 * the notifications workers were killed (kill -9) between the transitions and the sends.
 */
class EmailIntegrationTest {

  static final Duration SOON = Duration.ofSeconds(30);

  final EndToEndStack stack = EndToEndStack.get();
  final Mailpit mailpit = stack.mailpit;
  final String sellerAddress = address("seller");
  final String buyerAddress = address("buyer");
  final ApiClient seller = stack.newUser(sellerAddress);
  final ApiClient buyer = stack.newUser(buyerAddress);

  @Test
  void aSaleTellsTheBuyerAndTheSellerOnceEvenWhenTheMailerWasKilledBeforeSending()
      throws InterruptedException {
    seller.send("POST", "/api/payouts/account", null);
    String title = "Jazz Night " + UUID.randomUUID();
    stack.mailer.kill();
    try {
      String order = bought(title);
      Poll.until(
          "the payout is paid",
          SOON,
          () -> "paid".equals(seller.get("/api/payouts").body().path(0).path("status").asString()));
      assertThat(mailpit.emailsTo(buyerAddress))
          .as("nothing sent while the mailer is down")
          .isEmpty();

      stack.mailer.start();

      Poll.until("the seller's emails", SOON, () -> mailpit.emailsTo(sellerAddress).size() >= 2);
      Poll.until("the receipt", SOON, () -> !mailpit.emailsTo(buyerAddress).isEmpty());
      assertThat(subjects(buyerAddress)).containsExactly("Your receipt for " + title);
      assertThat(subjects(sellerAddress))
          .containsExactlyInAnyOrder("You sold " + title, "We paid you $18.00 for " + title);
      Mailpit.Email receipt = mailpit.emailsTo(buyerAddress).getFirst();
      assertThat(receipt.text())
          .contains("Paid: $20.00")
          .contains(EndToEndStack.PUBLIC_URL + "/orders/" + order);
      assertThat(receipt.html())
          .contains("href=\"" + EndToEndStack.PUBLIC_URL + "/orders/" + order);
      assertThat(receipt.messageId()).isEqualTo("receipt-" + order + "@tickets.test");
    } finally {
      stack.mailer.start();
    }
  }

  @Test
  void anOrderThatExpiresOrWhoseCardIsDeclinedTellsTheBuyerOnce() throws InterruptedException {
    String expiring = "Matinee " + UUID.randomUUID();
    String declined = "Final " + UUID.randomUUID();
    order(sell(expiring));
    Answer refused = pay(order(sell(declined)).text("id"), "tok_chargeDeclined");
    assertThat(refused.status()).isEqualTo(402);

    Poll.until(
        "both emails",
        EndToEndStack.EXPIRATION.plus(SOON),
        () -> mailpit.emailsTo(buyerAddress).size() >= 2);

    assertThat(subjects(buyerAddress))
        .containsExactlyInAnyOrder(
            "Your order for " + expiring + " expired",
            "Your payment for " + declined + " was declined");
  }

  /** Sold to the buyer and paid; answers the order's id. */
  private String bought(String title) {
    String order = order(sell(title)).text("id");
    Answer paid = pay(order, "tok_visa");
    assertThat(paid.status()).as(paid.toString()).isEqualTo(201);
    return order;
  }

  private String sell(String title) {
    Answer ticket = seller.post("/api/tickets", Map.of("title", title, "price", "20.00"));
    assertThat(ticket.status()).as(ticket.toString()).isEqualTo(201);
    return ticket.text("id");
  }

  private Answer order(String ticket) {
    Answer order = buyer.post("/api/orders", Map.of("ticketId", ticket));
    assertThat(order.status()).as(order.toString()).isEqualTo(201);
    return order;
  }

  private Answer pay(String order, String token) {
    return buyer.post("/api/payments", Map.of("orderId", order, "token", token));
  }

  /** Every email's subject, after a pause in which a second copy would have come. */
  private List<String> subjects(String address) throws InterruptedException {
    Thread.sleep(2_000);
    return mailpit.emailsTo(address).stream().map(Mailpit.Email::subject).toList();
  }

  private static String address(String who) {
    return who + "-" + UUID.randomUUID() + "@example.com";
  }
}
