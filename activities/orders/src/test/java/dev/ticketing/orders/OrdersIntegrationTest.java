package dev.ticketing.orders;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.Event;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.CancellationReason;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalStack.class)
class OrdersIntegrationTest {

  static final UserId BUYER = new UserId(new ObjectId().toHexString());

  Orders orders;

  @BeforeEach
  void open(FerretDb ferretDb) {
    orders = new Orders(DomainDatabase.open(ferretDb.uri("orders_" + new ObjectId()), "orders"));
  }

  @AfterEach
  void close() {
    orders.close();
  }

  @Test
  void storesAnOrderOnceHoweverOftenItIsCreated() {
    Order order = newOrder(Instant.now());

    orders.create(order);
    Order again = orders.create(order);

    assertThat(again).isEqualTo(order);
    assertThat(types(order)).containsExactly("OrderCreated");
  }

  @Test
  void recordsEachTransitionOnce() {
    Order order = orders.create(newOrder(Instant.now()));

    orders.startPayment(order.id());
    orders.startPayment(order.id());
    Order paid = orders.complete(order.id()).orElseThrow();
    Order stillPaid = orders.cancel(order.id(), CancellationReason.EXPIRED).orElseThrow();

    assertThat(paid.status()).isEqualTo(OrderStatus.COMPLETE);
    assertThat(stillPaid).isEqualTo(paid);
    assertThat(types(order))
        .containsExactly("OrderCreated", "OrderPaymentStarted", "OrderCompleted");
  }

  @Test
  void tellsExpiryFromCancellation() {
    Order expiring = orders.create(newOrder(Instant.now()));
    Order cancelling = orders.create(newOrder(Instant.now()));

    orders.cancel(expiring.id(), CancellationReason.EXPIRED);
    orders.cancel(cancelling.id(), CancellationReason.CANCELLED);

    assertThat(types(expiring)).containsExactly("OrderCreated", "OrderExpired");
    assertThat(types(cancelling)).containsExactly("OrderCreated", "OrderCancelled");
    assertThat(orders.find(expiring.id().value()).orElseThrow().cancellationReason())
        .isEqualTo(CancellationReason.EXPIRED);
  }

  @Test
  void cancellingAnUnknownOrderDoesNothing() {
    assertThat(
            orders.cancel(new OrderId(new ObjectId().toHexString()), CancellationReason.CANCELLED))
        .isEmpty();
    assertThat(orders.find("not-an-id")).isEmpty();
  }

  @Test
  void listsABuyersOrdersOldestFirst() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Order newer = orders.create(newOrder(now));
    Order older = orders.create(newOrder(now.minus(Duration.ofMinutes(1))));

    assertThat(orders.ofBuyer(BUYER)).extracting(Order::id).containsExactly(older.id(), newer.id());
  }

  private java.util.List<String> types(Order order) {
    return orders.events().of(order.id().value()).stream().map(Event::type).toList();
  }

  private static Order newOrder(Instant createdAt) {
    var ticket =
        new Order.Ticket(
            new TicketId(new ObjectId().toHexString()), "Concert", new Price(2_000), 1, null, null);
    return new Order(
        new OrderId(new ObjectId().toHexString()),
        BUYER,
        OrderStatus.CREATED,
        createdAt.plus(Duration.ofMinutes(15)).truncatedTo(ChronoUnit.MILLIS),
        0,
        ticket,
        null,
        createdAt.truncatedTo(ChronoUnit.MILLIS));
  }
}
