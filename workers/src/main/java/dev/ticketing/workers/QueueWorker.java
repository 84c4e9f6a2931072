package dev.ticketing.workers;

import io.temporal.worker.Worker;

/** What one task queue's worker runs. */
public interface QueueWorker {

  String taskQueue();

  void register(Worker worker);
}
