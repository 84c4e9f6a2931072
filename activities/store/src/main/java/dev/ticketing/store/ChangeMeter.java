package dev.ticketing.store;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;
import java.util.function.Supplier;

/**
 * Counts a domain's store changes and the commands they send to the database, its round trips:
 * {@code ticketing_store_changes_total} and {@code ticketing_store_change_commands_total}, tagged
 * with the domain. The driver tells of each command on the thread that sends it. And each event
 * recorded, once however often its change was tried: {@code ticketing_events_total{domain, type}}
 * counts purchases ({@code OrderCompleted}), expiries ({@code OrderExpired}), payouts ({@code
 * PayoutSent}) and emails ({@code EmailSent}).
 */
final class ChangeMeter implements CommandListener {

  // The commands of the change running on this thread, or -1 while none runs.
  private static final ThreadLocal<int[]> SENT = ThreadLocal.withInitial(() -> new int[] {-1});

  private final String domain;
  private final Counter changes;
  private final Counter commands;

  ChangeMeter(String domain) {
    this.domain = domain;
    this.changes = Metrics.counter("ticketing.store.changes", "domain", domain);
    this.commands = Metrics.counter("ticketing.store.change.commands", "domain", domain);
  }

  /**
   * Runs one change, counting it and every command it sends. Both are counted as it ends, so a
   * reading of the two counters never catches a change half way (its commands without it).
   */
  <T> T count(Supplier<T> change) {
    int[] sent = SENT.get();
    if (sent[0] >= 0) {
      return change.get();
    }
    sent[0] = 0;
    boolean done = false;
    try {
      T result = change.get();
      done = true;
      return result;
    } finally {
      commands.increment(sent[0]);
      if (done) {
        changes.increment();
      }
      sent[0] = -1;
    }
  }

  /** An event of this domain was recorded. */
  void recorded(String eventType) {
    Metrics.counter("ticketing.events", "domain", domain, "type", eventType).increment();
  }

  @Override
  public void commandStarted(CommandStartedEvent event) {
    int[] sent = SENT.get();
    if (sent[0] >= 0) {
      sent[0]++;
    }
  }
}
