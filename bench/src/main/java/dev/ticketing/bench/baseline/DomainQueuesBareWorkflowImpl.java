package dev.ticketing.bench.baseline;

/**
 * The order workflow's task queues: its tickets and payments activities run on queues of their own
 * (in the real system, other domains' workers), so only the orders ones can start eagerly; each of
 * the others is dispatched through matching.
 */
public class DomainQueuesBareWorkflowImpl extends BareWorkflowImpl {

  public DomainQueuesBareWorkflowImpl() {
    super(BareWorkflow.TICKETS_TASK_QUEUE, BareWorkflow.PAYMENTS_TASK_QUEUE);
  }
}
