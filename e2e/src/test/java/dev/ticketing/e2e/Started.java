package dev.ticketing.e2e;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The processes a stack started, closed last first: as the test run ends, or as soon as a later one
 * fails to start, so that none of them outlives the run.
 */
final class Started {

  private final Deque<AutoCloseable> processes = new ArrayDeque<>();

  synchronized <T extends AutoCloseable> T add(T process) {
    processes.push(process);
    return process;
  }

  synchronized void close() {
    while (!processes.isEmpty()) {
      try {
        processes.pop().close();
      } catch (Exception e) {
        System.err.println("Could not stop a process of the test stack: " + e);
      }
    }
  }
}
