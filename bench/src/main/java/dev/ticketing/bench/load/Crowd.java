package dev.ticketing.bench.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;

/** A number of clients, each on its own virtual thread, working through a shared list of jobs. */
public final class Crowd {

  private Crowd() {}

  /**
   * Runs every job with {@code clients} of them at a time; {@code work} gets the client's index (so
   * each client can be its own user) and the job. Answers the wall time it took.
   */
  public static <T> Duration work(int clients, List<T> jobs, BiConsumer<Integer, T> work) {
    var queue = new ConcurrentLinkedQueue<>(jobs);
    long start = System.nanoTime();
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int client = 0; client < clients; client++) {
        int index = client;
        executor.submit(() -> {
          for (T job = queue.poll(); job != null; job = queue.poll()) {
            try {
              work.accept(index, job);
            } catch (RuntimeException e) {
              System.err.println("  a job failed: " + e);
            }
          }
        });
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Runs {@code clients} tasks released at the same instant, as a rush would be. */
  public static Duration rush(int clients, IntConsumer task) {
    var ready = new CountDownLatch(clients);
    var go = new CountDownLatch(1);
    long[] start = new long[1];
    try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int client = 0; client < clients; client++) {
        int index = client;
        executor.submit(() -> {
          ready.countDown();
          go.await();
          task.accept(index);
          return null;
        });
      }
      ready.await();
      start[0] = System.nanoTime();
      go.countDown();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Duration.ofNanos(System.nanoTime() - start[0]);
  }
}
