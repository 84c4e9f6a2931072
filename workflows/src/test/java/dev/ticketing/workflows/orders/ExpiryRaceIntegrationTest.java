package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.orders.OrderWorkflowTest.BUYER;
import static dev.ticketing.workflows.orders.OrderWorkflowTest.SELLER;
import static dev.ticketing.workflows.orders.OrderWorkflowTest.reserve;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Poll;
import dev.ticketing.harness.TemporalDevServer;
import dev.ticketing.workflows.Histories;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.TaskQueues;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.payments.StripePayment;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A payment that reaches the workflow in the same workflow task as its expiry timer, as happens
 * when the orders workers are down or behind at {@code expiresAt}: the handler runs before the
 * workflow method. On the real dev server, whose worker can be stopped and started again.
 */
@ExtendWith(LocalStack.class)
class ExpiryRaceIntegrationTest {

  static final Duration WINDOW = Duration.ofSeconds(2);

  final InMemoryStores.Tickets tickets = new InMemoryStores.Tickets();
  final InMemoryStores.Orders orders = new InMemoryStores.Orders();
  final InMemoryStores.Payments payments = new InMemoryStores.Payments();
  final TicketId ticket = new TicketId(randomId());
  final OrderId orderId = new OrderId(randomId());
  WorkflowClient client;
  WorkerFactory otherWorkers;
  WorkerFactory orderWorkers;

  @BeforeEach
  void startWorkers(TemporalDevServer temporal) {
    var service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    client = WorkflowClient.newInstance(service);
    otherWorkers = WorkerFactory.newInstance(client);
    otherWorkers.newWorker(TaskQueues.TICKETS).registerActivitiesImplementations(tickets);
    otherWorkers.newWorker(TaskQueues.PAYMENTS).registerActivitiesImplementations(payments);
    otherWorkers.start();
    orderWorkers = startOrderWorkers();
    tickets.list(ticket, SELLER);
  }

  @AfterEach
  void recordHistoryAndStopWorkers(TestInfo test) throws IOException {
    Histories.recordIfAsked(client, OrderWorkflow.workflowId(orderId), test);
    orderWorkers.shutdownNow();
    otherWorkers.shutdownNow();
    client.getWorkflowServiceStubs().shutdownNow();
  }

  @Test
  void aPaymentThatArrivesWithTheExpiryIsRefusedAndTheOrderExpiresOnce() throws Exception {
    Order order = reserveThenStopTheOrderWorkersUntilExpiry();
    var paying =
        Executors.newVirtualThreadPerTaskExecutor()
            .submit(() -> payOrRejection(new PayRequest(BUYER, "tok_visa")));
    // An update waits in the server's memory, out of sight: let it arrive before the worker does,
    // so that the worker's next task carries both the fired timer and the payment.
    Thread.sleep(1_000);

    orderWorkers = startOrderWorkers();

    assertThat(paying.get(30, TimeUnit.SECONDS)).isEqualTo("Cannot pay for a cancelled order");
    awaitEnd();
    assertThat(payments.charges).isEmpty();
    assertThat(orders.get(order.id()).cancellationReason()).isEqualTo(CancellationReason.EXPIRED);
    assertThat(orders.events).containsExactly("OrderCreated", "OrderExpired");
    assertThat(tickets.holder(ticket)).isNull();
  }

  @Test
  void aStripePaymentThatArrivesWithTheExpiryIsRefunded() {
    Order order = reserveThenStopTheOrderWorkersUntilExpiry();
    var late = new StripePayment("pi_late", orderId, BUYER, order.ticket().price().cents(), "usd");
    workflow().paymentSucceeded(late);

    orderWorkers = startOrderWorkers();

    awaitEnd();
    assertThat(orders.get(order.id()).cancellationReason()).isEqualTo(CancellationReason.EXPIRED);
    assertThat(payments.refunds).containsExactly(late);
    assertThat(tickets.holder(ticket)).isNull();
  }

  private Order reserveThenStopTheOrderWorkersUntilExpiry() {
    Order order = reserve(client, new Purchase(orderId, BUYER, ticket, WINDOW));
    orderWorkers.shutdownNow();
    orderWorkers.awaitTermination(10, TimeUnit.SECONDS);
    Poll.until(
        "the order's window is over",
        WINDOW.plusSeconds(10),
        () -> Instant.now().isAfter(order.expiresAt().plusMillis(500)));
    return order;
  }

  /** Without a workflow cache, so the next worker is not waited for on a stopped one's queue. */
  private WorkerFactory startOrderWorkers() {
    var factory =
        WorkerFactory.newInstance(
            client, WorkerFactoryOptions.newBuilder().setWorkflowCacheSize(0).build());
    Worker worker = factory.newWorker(TaskQueues.ORDERS);
    worker.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    worker.registerActivitiesImplementations(orders);
    factory.start();
    return factory;
  }

  private OrderWorkflow workflow() {
    return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(orderId));
  }

  private Object payOrRejection(PayRequest pay) {
    try {
      return workflow().pay(pay);
    } catch (RuntimeException e) {
      return Rejection.in(e).orElseThrow(() -> e).getOriginalMessage();
    }
  }

  private void awaitEnd() {
    try {
      client
          .newUntypedWorkflowStub(OrderWorkflow.workflowId(orderId))
          .getResult(30, TimeUnit.SECONDS, Void.class);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new AssertionError("The order's workflow did not end within 30 s", e);
    }
  }

  private static String randomId() {
    byte[] id = new byte[12];
    ThreadLocalRandom.current().nextBytes(id);
    return HexFormat.of().formatHex(id);
  }
}
