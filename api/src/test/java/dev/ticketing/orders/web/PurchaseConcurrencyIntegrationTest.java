package dev.ticketing.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.api.ApiIntegrationTest;
import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.payments.Payments;
import dev.ticketing.store.Event;
import dev.ticketing.tickets.Tickets;
import dev.ticketing.workflows.OrderId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Many requests at once for one thing: exactly one wins, and nothing is sold or charged twice. */
class PurchaseConcurrencyIntegrationTest extends ApiIntegrationTest {

  @Autowired Tickets tickets;
  @Autowired Payments payments;

  @BeforeAll
  static void startWorkers() {
    workers();
  }

  @Test
  void ofTwoHundredBuyersOfOneTicketExactlyOneGetsIt() throws Exception {
    String ticket = sell(signedUp(), "25");
    List<ApiClient> buyers = IntStream.range(0, 200).mapToObj(i -> signedUp()).toList();

    List<Answer> answers = concurrently(buyers.size(), i -> () -> order(buyers.get(i), ticket));

    List<Answer> winners = answers.stream().filter(a -> a.status() == 201).toList();
    assertThat(winners).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 201)
        .hasSize(199)
        .allSatisfy(a -> assertThat(a.errors()).containsExactly("Ticket is already reserved"));
    Answer held = anonymous().get("/api/tickets/" + ticket);
    assertThat(held.text("orderId")).isEqualTo(winners.getFirst().text("id"));
    assertThat(tickets.events().of(ticket))
        .extracting(Event::type)
        .containsExactly("TicketCreated", "TicketReserved");
  }

  @Test
  void anEditRacingReservationsNeverLandsOnAHeldTicket() throws Exception {
    for (int round = 0; round < 5; round++) {
      ApiClient seller = signedUp();
      String ticket = sell(seller, "30");
      List<ApiClient> buyers = IntStream.range(0, 10).mapToObj(i -> signedUp()).toList();

      concurrently(
          20,
          i ->
              () ->
                  i % 2 == 0
                      ? seller.put(
                          "/api/tickets/" + ticket, Map.of("title", "Edit " + i, "price", 31))
                      : order(buyers.get(i / 2), ticket));

      List<String> types = tickets.events().of(ticket).stream().map(Event::type).toList();
      assertThat(types.subList(types.indexOf("TicketReserved"), types.size()))
          .as("events after the reservation")
          .containsExactly("TicketReserved");
    }
  }

  @Test
  void twentyConcurrentPaymentsChargeOnce() throws Exception {
    ApiClient buyer = signedUp();
    String order = order(buyer, sell(signedUp(), "40.50")).text("id");

    List<Answer> answers =
        concurrently(
            20,
            i -> () -> buyer.post("/api/payments", Map.of("orderId", order, "token", "tok_visa")));

    assertThat(answers).filteredOn(a -> a.status() == 201).hasSize(1);
    assertThat(answers)
        .filteredOn(a -> a.status() != 201)
        .hasSize(19)
        .allSatisfy(a -> assertThat(a.errors()).containsExactly("Order has already been paid"));
    assertThat(payments.forOrder(new OrderId(order)))
        .singleElement()
        .satisfies(p -> assertThat(p.amount()).isEqualTo(4050));
    assertThat(buyer.get("/api/orders/" + order).text("status")).isEqualTo("complete");
  }

  private static <T> List<T> concurrently(int count, IntFunction<Callable<T>> task)
      throws Exception {
    List<T> results = new ArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<T>> futures =
          IntStream.range(0, count).mapToObj(i -> threads.submit(task.apply(i))).toList();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
    }
    return results;
  }
}
