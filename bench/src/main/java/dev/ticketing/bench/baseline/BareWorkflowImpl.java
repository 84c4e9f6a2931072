package dev.ticketing.bench.baseline;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Every activity on the workflow's own task queue, so each one can start eagerly. */
public class BareWorkflowImpl implements BareWorkflow {

  private final NoOpActivities orders;
  private final NoOpActivities tickets;
  private final NoOpActivities payments;

  private boolean reserved;
  private boolean paid;

  public BareWorkflowImpl() {
    this(null, null);
  }

  /** Tickets and payments activities on these task queues; null: the workflow's own. */
  protected BareWorkflowImpl(@Nullable String ticketsQueue, @Nullable String paymentsQueue) {
    this.orders = activitiesOn(null);
    this.tickets = activitiesOn(ticketsQueue);
    this.payments = activitiesOn(paymentsQueue);
  }

  @Override
  public void run() {
    Workflow.await(Duration.ofMinutes(15), () -> paid);
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  @Override
  public String reserve() {
    tickets.step("reserve");
    orders.step("create");
    reserved = true;
    return "reserved";
  }

  @Override
  public String pay() {
    Workflow.await(() -> reserved);
    orders.step("startPayment");
    payments.step("charge");
    orders.step("complete");
    tickets.step("markSold");
    paid = true;
    return "paid";
  }

  private static NoOpActivities activitiesOn(@Nullable String taskQueue) {
    var options = ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10));
    if (taskQueue != null) {
      options.setTaskQueue(taskQueue);
    }
    return Workflow.newActivityStub(NoOpActivities.class, options.build());
  }
}
