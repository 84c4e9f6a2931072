package dev.ticketing.bench.baseline;

import io.temporal.activity.ActivityOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

public class BareWorkflowImpl implements BareWorkflow {

  private final NoOpActivities activities =
      Workflow.newActivityStub(
          NoOpActivities.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  private boolean reserved;
  private boolean paid;

  @Override
  public void run() {
    Workflow.await(Duration.ofMinutes(15), () -> paid);
    Workflow.await(Workflow::isEveryHandlerFinished);
  }

  @Override
  public String reserve() {
    activities.step("reserve");
    activities.step("create");
    reserved = true;
    return "reserved";
  }

  @Override
  public String pay() {
    Workflow.await(() -> reserved);
    activities.step("startPayment");
    activities.step("charge");
    activities.step("complete");
    activities.step("markSold");
    paid = true;
    return "paid";
  }
}
