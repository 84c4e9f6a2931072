package dev.ticketing.workers;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the served task queues from the moment the application is up, and on shutdown stops taking
 * tasks and lets the running ones finish.
 */
@Component
class Workers implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(Workers.class);

  private final WorkerFactory factory;
  private final List<QueueWorker> queues;
  private volatile boolean running;

  Workers(WorkflowClient client, List<QueueWorker> queues) {
    // Workflow threads virtual too: a platform thread per cached workflow (up to 600) held a stack
    // each, ~100 MiB of the workers' memory in an expiry storm of 1,000 open orders.
    this.factory =
        WorkerFactory.newInstance(
            client, WorkerFactoryOptions.newBuilder().setUsingVirtualWorkflowThreads(true).build());
    this.queues = queues;
    var options = WorkerOptions.newBuilder().setUsingVirtualThreads(true).build();
    queues.forEach(queue -> queue.register(factory.newWorker(queue.taskQueue(), options)));
  }

  @Override
  public void start() {
    factory.start();
    running = true;
    log.info("Serving task queues {}", queues.stream().map(QueueWorker::taskQueue).toList());
  }

  @Override
  public void stop() {
    factory.shutdown();
    factory.awaitTermination(25, TimeUnit.SECONDS);
    if (!factory.isTerminated()) {
      log.warn("Tasks still running after 25 s are left for Temporal to retry elsewhere");
      factory.shutdownNow();
    }
    running = false;
  }

  @Override
  public boolean isRunning() {
    return running;
  }
}
