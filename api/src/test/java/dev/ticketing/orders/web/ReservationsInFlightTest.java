package dev.ticketing.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.api.ApiException;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderStatus;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ReservationsInFlightTest {

  static final TicketId TICKET = new TicketId("5f00000000000000000000a1");
  static final OrderId FIRST = new OrderId("5f00000000000000000000b1");
  static final OrderId SECOND = new OrderId("5f00000000000000000000b2");

  final ReservationsInFlight gate = new ReservationsInFlight();
  final AtomicInteger reservations = new AtomicInteger();

  @Test
  void aBuyerWaitingBehindAReservationThatGotTheTicketIsRefusedWithoutReserving() throws Exception {
    var landing = new CountDownLatch(1);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Order> first =
          threads.submit(() -> gate.oneAtATime(TICKET, FIRST, () -> held(FIRST, landing)));
      awaitReservations(1);
      // Whether it waits behind the first or comes just after, the store shows the ticket taken.
      Future<Order> second =
          threads.submit(() -> gate.oneAtATime(TICKET, SECOND, () -> checkedThenHeld(SECOND)));

      landing.countDown();

      assertThat(first.get(5, TimeUnit.SECONDS).id()).isEqualTo(FIRST);
      assertThatThrownBy(() -> second.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ApiException.class)
          .hasMessageContaining("Ticket is already reserved");
    }
    assertThat(reservations).hasValue(1);
  }

  @Test
  void aBuyerWhoReadTheTicketBeforeItWasTakenIsRefusedByTheCheckInsideTheGate() {
    gate.oneAtATime(TICKET, FIRST, () -> held(FIRST, null));

    assertThatThrownBy(() -> gate.oneAtATime(TICKET, SECOND, () -> checkedThenHeld(SECOND)))
        .isInstanceOf(ApiException.class);
    assertThat(reservations).hasValue(1);
  }

  @Test
  void aReservationThatFailsLetsTheNextBuyerTry() throws Exception {
    var failing = new CountDownLatch(1);
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Order> first =
          threads.submit(() ->
              gate.oneAtATime(
                  TICKET,
                  FIRST,
                  () -> {
                    reservations.incrementAndGet();
                    await(failing);
                    throw new IllegalStateException("Temporal is away");
                  }));
      awaitReservations(1);
      Future<Order> second =
          threads.submit(() -> gate.oneAtATime(TICKET, SECOND, () -> held(SECOND, null)));

      failing.countDown();

      assertThatThrownBy(() -> first.get(5, TimeUnit.SECONDS))
          .hasCauseInstanceOf(IllegalStateException.class);
      assertThat(second.get(5, TimeUnit.SECONDS).id()).isEqualTo(SECOND);
    }
  }

  /** The ticket store's answer once a reservation has landed. */
  /** As Purchases does inside the gate: refused when the store shows the ticket taken. */
  private Order checkedThenHeld(OrderId order) {
    if (reservations.get() > 0) {
      throw ApiException.badRequest("Ticket is already reserved");
    }
    return held(order, null);
  }

  private Order held(OrderId id, @Nullable CountDownLatch landing) {
    reservations.incrementAndGet();
    if (landing != null) {
      await(landing);
    }
    var ticket = new Order.Ticket(TICKET, "Concert", new Price(1_000), 1);
    Instant now = Instant.now();
    return new Order(
        id, new UserId("5f0000000000000000000002"), OrderStatus.CREATED, now, 0, ticket, null, now);
  }

  private void awaitReservations(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (reservations.get() < count && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
