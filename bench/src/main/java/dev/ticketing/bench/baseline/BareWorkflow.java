package dev.ticketing.bench.baseline;

import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The order workflow's shape with nothing behind it: started by an Update-with-Start that runs two
 * activities (reserve the ticket, create the order), waits on a timer, and ends after an Update
 * that runs four (start the payment, charge, complete, mark sold). Every activity is a no-op.
 */
@WorkflowInterface
public interface BareWorkflow {

  String TASK_QUEUE = "bench-bare";

  /** Where {@link DomainQueuesBareWorkflowImpl} runs, and its tickets and payments activities. */
  String DOMAIN_QUEUES_TASK_QUEUE = "bench-bare-orders";

  String TICKETS_TASK_QUEUE = "bench-bare-tickets";
  String PAYMENTS_TASK_QUEUE = "bench-bare-payments";

  @WorkflowMethod
  void run();

  @UpdateMethod
  String reserve();

  @UpdateMethod
  String pay();
}
