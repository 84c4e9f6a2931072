package dev.ticketing.orders.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.OrderWorkflow;
import io.temporal.client.WorkflowClient;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class OrderWorkflowsTest {

  private static final UserId BUYER = new UserId("5f0000000000000000000001");

  @Test
  void aCallBeyondThoseWaitingAtOnceIsRefusedUnavailableWithoutReachingItsWorkflow()
      throws Exception {
    var waiting = new CountDownLatch(2);
    var answer = new CountDownLatch(1);
    OrderWorkflow unanswered = mock(OrderWorkflow.class);
    doAnswer(
            call -> {
              waiting.countDown();
              answer.await();
              return null;
            })
        .when(unanswered)
        .cancel(any());
    WorkflowClient client = mock(WorkflowClient.class);
    when(client.newWorkflowStub(eq(OrderWorkflow.class), anyString())).thenReturn(unanswered);
    var workflows = new OrderWorkflows(client, 2);

    try (var requests = Executors.newVirtualThreadPerTaskExecutor()) {
      var first = requests.submit(() -> workflows.cancel(new OrderId("a"), BUYER));
      var second = requests.submit(() -> workflows.cancel(new OrderId("b"), BUYER));
      waiting.await();

      assertThatThrownBy(() -> workflows.cancel(new OrderId("c"), BUYER))
          .satisfies(refused ->
              assertThat(Rejection.in(refused).map(Rejection::of)).contains(Rejection.UNAVAILABLE));
      verify(unanswered, times(2)).cancel(any());

      answer.countDown();
      assertThat(first.get()).isTrue();
      assertThat(second.get()).isTrue();
    }
    assertThat(workflows.cancel(new OrderId("d"), BUYER)).isTrue();
  }
}
