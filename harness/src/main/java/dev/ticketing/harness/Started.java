package dev.ticketing.harness;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The processes a stack started, closed last first and each once: as the run ends, or as soon as a
 * later one fails to start, so that none of them outlives the run. The end-to-end stacks' and the
 * bench's.
 */
public final class Started {

  private final Deque<AutoCloseable> processes = new ArrayDeque<>();

  public synchronized <T extends AutoCloseable> T add(T process) {
    processes.push(process);
    return process;
  }

  public synchronized void close() {
    while (!processes.isEmpty()) {
      try {
        processes.pop().close();
      } catch (Exception e) {
        System.err.println("Could not stop a process: " + e);
      }
    }
  }
}
