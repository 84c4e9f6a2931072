package dev.ticketing.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.api.ApiIntegrationTest;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.orders.Orders;
import dev.ticketing.store.Event;
import dev.ticketing.tickets.Tickets;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class OrderApiIntegrationTest extends ApiIntegrationTest {

  static final String ORDERS = "/api/orders";

  @Autowired Orders orders;
  @Autowired Tickets tickets;
  @Autowired WorkflowClient temporal;
  @Autowired MeterRegistry meters;

  @BeforeAll
  static void startWorkers() {
    workers();
  }

  @Test
  void reservesTheTicketForFifteenMinutesAndRecordsOrderCreated() {
    String ticket = sell(signedUp(), "19.99");
    ApiClient buyer = signedUp();
    Instant before = Instant.now();

    Answer created = order(buyer, ticket);

    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.text("status")).isEqualTo("created");
    assertThat(created.text("userId")).isEqualTo(userId(buyer));
    assertThat(created.body().path("cancellationReason").isNull()).isTrue();
    assertThat(created.body().path("ticket").path("id").asString()).isEqualTo(ticket);
    assertThat(created.body().path("ticket").path("price").decimalValue())
        .isEqualByComparingTo("19.99");
    assertThat(Instant.parse(created.text("createdAt"))).isBetween(before, Instant.now());
    assertThat(created.body().path("ticket").path("eventAt").isNull()).isTrue();
    assertThat(Instant.parse(created.text("expiresAt")))
        .isBetween(before.plus(Duration.ofMinutes(15)), Instant.now().plus(Duration.ofMinutes(15)));
    Answer held = anonymous().get("/api/tickets/" + ticket);
    assertThat(held.text("status")).isEqualTo("reserved");
    assertThat(held.text("orderId")).isEqualTo(created.text("id"));
    assertThat(orders.events().of(created.text("id")))
        .extracting(Event::type)
        .containsExactly("OrderCreated");
    assertThat(ids(anonymous().get("/api/tickets?limit=500"))).doesNotContain(ticket);
  }

  @Test
  void refusesWhatCannotBeBought() {
    ApiClient seller = signedUp();
    String ticket = sell(seller, "10");
    order(signedUp(), ticket);
    ApiClient buyer = signedUp();

    assertThat(anonymous().post(ORDERS, Map.of("ticketId", ticket)).errors())
        .containsExactly("Not authorized");
    assertThat(buyer.post(ORDERS, Map.of()).errors())
        .containsExactly("TicketId must be provided@ticketId");
    assertThat(buyer.post(ORDERS, Map.of("ticketId", 7)).errors())
        .containsExactly("TicketId must be provided@ticketId");
    assertThat(order(buyer, "6b06ddcdcca1f3f6e6fea0d9").status()).isEqualTo(404);
    assertThat(order(buyer, "not-an-id").status()).isEqualTo(404);
    assertThat(order(buyer, ticket).errors()).containsExactly("Ticket is already reserved");
    double ownBefore = refused("own_ticket");
    double takenBefore = refused("taken");
    assertThat(order(seller, sell(seller, "10")).errors())
        .containsExactly("You cannot buy your own ticket");
    assertThat(order(buyer, ticket).errors()).containsExactly("Ticket is already reserved");
    assertThat(refused("own_ticket") - ownBefore).isEqualTo(1);
    assertThat(refused("taken") - takenBefore).isEqualTo(1);
  }

  private double refused(String reason) {
    var counter = meters.find("ticketing.reservations.refused").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aRepeatedIdempotencyKeyReplaysTheFirstOrderForThatUserOnly() {
    String ticket = sell(signedUp(), "10");
    String other = sell(signedUp(), "10");
    ApiClient buyer = signedUp();

    Answer first = keyed(buyer, ticket, "key-1");
    Answer again = keyed(buyer, ticket, "key-1");
    Answer otherRequest = keyed(buyer, other, "key-1");
    Answer otherUser = keyed(signedUp(), ticket, "key-1");

    assertThat(first.status()).isEqualTo(201);
    assertThat(again.status()).isEqualTo(201);
    assertThat(again.body()).isEqualTo(first.body());
    assertThat(otherRequest.errors())
        .containsExactly("Idempotency-Key was used with a different request");
    assertThat(otherUser.errors()).containsExactly("Ticket is already reserved");
    assertThat(buyer.get(ORDERS).body().size()).isEqualTo(1);
  }

  @Test
  void listsTheCallersOrdersOldestFirstAndShowsOnlyTheirOwn() {
    ApiClient buyer = signedUp();
    String first = order(buyer, sell(signedUp(), "10")).text("id");
    String second = order(buyer, sell(signedUp(), "11")).text("id");
    buyer.delete(ORDERS + "/" + first);

    List<String> mine = ids(buyer.get(ORDERS));

    assertThat(mine).containsExactly(first, second);
    assertThat(buyer.get(ORDERS + "/" + first).text("status")).isEqualTo("cancelled");
    assertThat(signedUp().get(ORDERS + "/" + first).errors()).containsExactly("Not authorized");
    assertThat(anonymous().get(ORDERS).status()).isEqualTo(401);
    assertThat(buyer.get(ORDERS + "/6b06ddcdcca1f3f6e6fea0d9").status()).isEqualTo(404);
    assertThat(buyer.get(ORDERS + "/" + "0".repeat(200)).status()).isEqualTo(404);
  }

  @Test
  void cancellingReleasesTheTicketAndRecordsOrderCancelledOnce() {
    String ticket = sell(signedUp(), "10");
    ApiClient buyer = signedUp();
    String order = order(buyer, ticket).text("id");

    assertThat(signedUp().delete(ORDERS + "/" + order).status()).isEqualTo(401);
    assertThat(anonymous().delete(ORDERS + "/" + order).status()).isEqualTo(401);
    Answer cancelled = buyer.delete(ORDERS + "/" + order);
    Answer again = buyer.delete(ORDERS + "/" + order);

    assertThat(cancelled.status()).isEqualTo(204);
    assertThat(again.status()).isEqualTo(204);
    Answer shown = buyer.get(ORDERS + "/" + order);
    assertThat(shown.text("status")).isEqualTo("cancelled");
    assertThat(shown.text("cancellationReason")).isEqualTo("cancelled");
    assertThat(anonymous().get("/api/tickets/" + ticket).text("status")).isEqualTo("available");
    assertThat(orders.events().of(order))
        .extracting(Event::type)
        .containsExactly("OrderCreated", "OrderCancelled");
    assertThat(buyer.delete(ORDERS + "/6b06ddcdcca1f3f6e6fea0d9").status()).isEqualTo(404);
    assertThat(order(signedUp(), ticket).status()).isEqualTo(201);
  }

  @Test
  void aCompletedOrderCannotBeCancelled() {
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(signedUp(), "10")).text("id");
    buyer.post("/api/payments", Map.of("orderId", order, "token", "tok_visa"));

    Answer refused = buyer.delete(ORDERS + "/" + order);

    assertThat(refused.errors()).containsExactly("Cannot cancel a completed order");
    assertThat(buyer.get(ORDERS + "/" + order).text("status")).isEqualTo("complete");
  }

  @Test
  void theSellerCannotEditAReservedOrSoldTicket() {
    ApiClient seller = signedUp();
    String ticket = sell(seller, "10");
    ApiClient buyer = signedUp();
    String order = order(buyer, ticket).text("id");
    var edit = Map.of("title", "Changed", "price", 1);

    assertThat(seller.put("/api/tickets/" + ticket, edit).errors())
        .containsExactly("Cannot edit a reserved ticket");
    buyer.post("/api/payments", Map.of("orderId", order, "token", "tok_visa"));
    assertThat(seller.put("/api/tickets/" + ticket, edit).errors())
        .containsExactly("Cannot edit a reserved ticket");
    assertThat(anonymous().get("/api/tickets/" + ticket).text("status")).isEqualTo("sold");
  }

  @Test
  void anOrderWhoseWorkflowAnOperatorTerminatedIsNeitherCancelledNorPaidSilently() {
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(signedUp(), "10")).text("id");
    temporal
        .newUntypedWorkflowStub("order-" + order)
        .terminate("stopped by hand, as an operator would with temporal workflow terminate");

    assertThat(buyer.delete(ORDERS + "/" + order))
        .satisfies(a -> assertThat(a.status()).isEqualTo(409))
        .satisfies(a -> assertThat(a.errors()).containsExactly("Order cannot be cancelled now"));
    assertThat(buyer.post("/api/payments", Map.of("orderId", order, "token", "tok_visa")).errors())
        .containsExactly("Order cannot be paid now");
    assertThat(buyer.get(ORDERS + "/" + order).text("status")).isEqualTo("created");
  }

  private static Answer keyed(ApiClient buyer, String ticket, String key) {
    return buyer.send(
        "POST",
        ORDERS,
        ApiClient.JSON.writeValueAsString(Map.of("ticketId", ticket)),
        "Idempotency-Key",
        key);
  }

  private static String userId(ApiClient client) {
    return client.get("/api/users/currentuser").body().path("currentUser").path("id").asString();
  }

  private static List<String> ids(Answer answer) {
    return answer.body().valueStream().map(t -> t.path("id").asString()).toList();
  }
}
