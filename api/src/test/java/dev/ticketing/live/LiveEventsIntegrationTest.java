package dev.ticketing.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.api.ApiIntegrationTest;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.EventStream;
import dev.ticketing.harness.EventStream.ServerSentEvent;
import java.time.Duration;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveEventsIntegrationTest extends ApiIntegrationTest {

  static final Duration SOON = Duration.ofSeconds(15);

  @BeforeAll
  static void startWorkers() {
    workers();
  }

  @Test
  void everyoneHearsTicketChangesAndOnlyTheBuyerHearsTheirOrder() {
    ApiClient buyer = signedUp();
    ApiClient someoneElse = signedUp();
    try (EventStream everyone = anonymous().events(null);
        EventStream buyers = buyer.events(null);
        EventStream others = someoneElse.events(null)) {
      String ticket = sell(signedUp(), "10");
      ServerSentEvent created = everyone.next(ticket(ticket, "TicketCreated"), SOON);
      assertThat(created.data().path("ticket").path("status").asString()).isEqualTo("available");

      String order = order(buyer, ticket).text("id");

      ServerSentEvent reserved = everyone.next(ticket(ticket, "TicketReserved"), SOON);
      assertThat(reserved.data().path("ticket").path("orderId").asString()).isEqualTo(order);
      ServerSentEvent ordered = buyers.next(order(order, "OrderCreated"), SOON);
      assertThat(ordered.data().path("order").path("status").asString()).isEqualTo("created");
      buyer.delete("/api/orders/" + order);
      buyers.next(order(order, "OrderCancelled"), SOON);
      everyone.next(ticket(ticket, "TicketReleased"), SOON);
      others.next(ticket(ticket, "TicketReleased"), SOON);
      assertThat(others.poll(Duration.ofSeconds(2))).isNull();
    }
  }

  @Test
  void onlyTheSellerHearsTheirAccountAndPayout() {
    ApiClient seller = signedUp();
    ApiClient buyer = signedUp();
    try (EventStream sellers = seller.events(null);
        EventStream buyers = buyer.events(null)) {
      seller.send("POST", "/api/payouts/account", null);
      ServerSentEvent opened = sellers.next(e -> e.name().equals("account"), SOON);
      assertThat(opened.data().path("account").path("status").asString()).isEqualTo("active");

      String order = order(buyer, sell(seller, "10")).text("id");
      pay(buyer, order, "tok_visa");

      sellers.next(payout(order, "PayoutScheduled"), SOON);
      ServerSentEvent sent = sellers.next(payout(order, "PayoutSent"), SOON);
      assertThat(sent.data().path("payout").path("status").asString()).isEqualTo("paid");
      buyers.next(order(order, "OrderCompleted"), SOON);
      assertThat(buyers.poll(Duration.ofSeconds(2)))
          .satisfiesAnyOf(
              e -> assertThat(e).isNull(), e -> assertThat(e.name()).isNotIn("payout", "account"));
    }
  }

  @Test
  void aReconnectingBrowserCatchesUpFromItsLastEventOrIsToldToReload() {
    ApiClient seller = signedUp();
    String first = sell(seller, "10");
    String lastSeen;
    try (EventStream stream = anonymous().events(null)) {
      stream.next(ticket(first, "TicketCreated"), SOON);
      String second = sell(seller, "11");
      lastSeen = stream.next(ticket(second, "TicketCreated"), SOON).id();
    }
    String missed = sell(seller, "12");

    try (EventStream resumed = anonymous().events(lastSeen)) {
      assertThat(resumed.next(e -> true, SOON).data().path("ticket").path("id").asString())
          .isEqualTo(missed);
    }
    try (EventStream tooOld = anonymous().events("tickets:forgotten:0")) {
      assertThat(tooOld.next(e -> true, SOON).name()).isEqualTo("reset");
    }
  }

  private static Predicate<ServerSentEvent> ticket(String id, String type) {
    return e ->
        e.name().equals("ticket")
            && e.data().path("type").asString().equals(type)
            && e.data().path("ticket").path("id").asString().equals(id);
  }

  private static Predicate<ServerSentEvent> payout(String order, String type) {
    return e ->
        e.name().equals("payout")
            && e.data().path("type").asString().equals(type)
            && e.data().path("payout").path("orderId").asString().equals(order);
  }

  private static Predicate<ServerSentEvent> order(String id, String type) {
    return e ->
        e.name().equals("order")
            && e.data().path("type").asString().equals(type)
            && e.data().path("order").path("id").asString().equals(id);
  }
}
