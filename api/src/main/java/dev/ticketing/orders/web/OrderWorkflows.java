package dev.ticketing.orders.web;

import static dev.ticketing.workflows.Rejection.UNAVAILABLE;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderWorkflow;
import dev.ticketing.workflows.orders.PayRequest;
import dev.ticketing.workflows.orders.Purchase;
import dev.ticketing.workflows.payments.RefundWorkflow;
import dev.ticketing.workflows.payments.StripePayment;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowServiceException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The API's side of the order workflows. Each call waits a bounded time for its answer: should no
 * worker take it, the buyer hears 503 while the workflow carries on once one does. A request thread
 * waits with each call, and the API has 200 of them: at most {@link #WAITING_AT_ONCE} wait at once,
 * and a call beyond them is 503 at once, so workers that stopped answering leave the rest of the
 * API (lists, sign-in, webhooks) threads to serve with.
 */
@Component
public class OrderWorkflows {

  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);
  private static final Duration CHARGE_WITHIN = Duration.ofSeconds(75);
  static final int WAITING_AT_ONCE = 100;

  private final WorkflowClient client;
  private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();
  private final Semaphore waiting;

  @Autowired
  OrderWorkflows(WorkflowClient client) {
    this(client, WAITING_AT_ONCE);
  }

  OrderWorkflows(WorkflowClient client, int waitingAtOnce) {
    this.client = client;
    this.waiting = new Semaphore(waitingAtOnce);
  }

  /**
   * Starts the purchase's workflow and answers the reserved order (Update-with-Start). The ticket,
   * as the buyer saw it, names the workflow in the Web UI.
   */
  public Order reserve(Purchase purchase, Order.Ticket asShown) {
    OrderWorkflow workflow =
        client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.options(purchase, asShown));
    var start = new WithStartWorkflowOperation<>(workflow::run, purchase);
    return within(
        ANSWER_WITHIN,
        () ->
            WorkflowClient.executeUpdateWithStart(
                workflow::reserve,
                purchase.ticketId(),
                UpdateOptions.<Order>newBuilder().build(),
                start));
  }

  /** Pays for an open order; empty when its workflow has already finished. */
  public Optional<PaymentId> pay(OrderId order, UserId buyer, String token) {
    return whileRunning(
        () -> within(CHARGE_WITHIN, () -> workflow(order).pay(new PayRequest(buyer, token))));
  }

  /** Cancels an open order; false when its workflow has already finished. */
  public boolean cancel(OrderId order, UserId requester) {
    return whileRunning(() ->
            within(
                ANSWER_WITHIN,
                () -> {
                  workflow(order).cancel(requester);
                  return true;
                }))
        .isPresent();
  }

  /** Tells an order's workflow that Stripe took a payment for it; false if it has finished. */
  public boolean paymentSucceeded(StripePayment payment) {
    return whileRunning(
            () -> {
              workflow(payment.orderId()).paymentSucceeded(payment);
              return true;
            })
        .isPresent();
  }

  /** Refunds a payment that came after its order closed; once, however often it is asked. */
  public void refund(StripePayment payment) {
    RefundWorkflow refund =
        client.newWorkflowStub(RefundWorkflow.class, RefundWorkflow.options(payment));
    try {
      WorkflowClient.start(refund::refund, payment);
    } catch (WorkflowExecutionAlreadyStarted alreadyRefunding) {
      // the first report of this payment started its refund
    }
  }

  private OrderWorkflow workflow(OrderId order) {
    return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflow.workflowId(order));
  }

  private static <T> Optional<T> whileRunning(Callable<T> call) {
    try {
      return Optional.of(call.call());
    } catch (WorkflowNotFoundException finished) {
      return Optional.empty();
    } catch (WorkflowServiceException e) {
      if (e.getCause() instanceof StatusRuntimeException status
          && status.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T within(Duration limit, Callable<T> call) {
    if (!waiting.tryAcquire()) {
      throw UNAVAILABLE.failure("Service unavailable");
    }
    var answer = calls.submit(call);
    try {
      return answer.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      answer.cancel(true);
      throw UNAVAILABLE.failure("Service unavailable");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw UNAVAILABLE.failure("Service unavailable");
    } finally {
      waiting.release();
    }
  }
}
