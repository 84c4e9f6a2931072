package dev.ticketing.bench.baseline;

import dev.ticketing.bench.load.Crowd;
import dev.ticketing.bench.report.Latencies;
import dev.ticketing.bench.report.Level;
import dev.ticketing.bench.stack.TemporalConnection;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Bare workflows driven straight through the Temporal client, with their worker in this JVM
 * (virtual threads, default options, as the real workers): Temporal's own cost of a purchase.
 */
public final class BareLoad implements AutoCloseable {

  private final TemporalConnection temporal;
  private final WorkerFactory factory;

  public BareLoad(String temporalAddress) {
    temporal = TemporalConnection.to(temporalAddress);
    factory =
        WorkerFactory.newInstance(
            temporal.client(),
            WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build());
    worker(BareWorkflow.TASK_QUEUE).registerWorkflowImplementationTypes(BareWorkflowImpl.class);
    worker(BareWorkflow.DOMAIN_QUEUES_TASK_QUEUE)
        .registerWorkflowImplementationTypes(DomainQueuesBareWorkflowImpl.class);
    worker(BareWorkflow.TICKETS_TASK_QUEUE);
    worker(BareWorkflow.PAYMENTS_TASK_QUEUE);
    factory.start();
  }

  private Worker worker(String taskQueue) {
    var worker =
        factory.newWorker(
            taskQueue, WorkerOptions.newBuilder().setUsingVirtualThreads(true).build());
    worker.registerActivitiesImplementations(new NoOpActivities.Impl());
    return worker;
  }

  /** {@code count} bare purchases, {@code concurrency} at a time, every activity eager. */
  public Level run(int concurrency, int count) {
    return run(BareWorkflow.TASK_QUEUE, concurrency, count);
  }

  /** The same on the order workflow's task queues: tickets and payments activities not eager. */
  public Level runOnDomainQueues(int concurrency, int count) {
    return run(BareWorkflow.DOMAIN_QUEUES_TASK_QUEUE, concurrency, count);
  }

  private Level run(String taskQueue, int concurrency, int count) {
    var starts = new Latencies();
    var updates = new Latencies();
    var failed = new AtomicInteger();
    Duration took =
        Crowd.work(
            concurrency,
            IntStream.range(0, count).boxed().toList(),
            (client, job) -> {
              try {
                purchase(taskQueue, starts, updates);
              } catch (RuntimeException e) {
                if (failed.getAndIncrement() == 0) {
                  System.err.println("  a bare workflow failed: " + e);
                }
              }
            });
    int completed = updates.count();
    return new Level(
        concurrency,
        completed,
        failed.get(),
        completed / (took.toNanos() / 1e9),
        starts.percentiles(),
        updates.percentiles());
  }

  private void purchase(String taskQueue, Latencies starts, Latencies updates) {
    String id = "bare-" + UUID.randomUUID();
    BareWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                BareWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId(id)
                    .setTaskQueue(taskQueue)
                    // Update-with-Start needs a conflict policy; the API's is the same.
                    .setWorkflowIdConflictPolicy(
                        WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                    .build());
    long start = System.nanoTime();
    WorkflowClient.executeUpdateWithStart(
        workflow::reserve,
        UpdateOptions.<String>newBuilder().build(),
        new WithStartWorkflowOperation<>(workflow::run));
    long started = System.nanoTime();
    starts.record(started - start);
    // As the API does: a later request reaches the workflow by its id.
    temporal.client().newWorkflowStub(BareWorkflow.class, id).pay();
    updates.record(System.nanoTime() - started);
  }

  @Override
  public void close() {
    factory.shutdownNow();
    temporal.close();
  }
}
