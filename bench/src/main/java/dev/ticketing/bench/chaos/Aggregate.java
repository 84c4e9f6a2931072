package dev.ticketing.bench.chaos;

import dev.ticketing.bench.stores.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate as stored: its events in version order and its snapshot. The truth is the latest
 * event's state (a snapshot may trail it after a crash, and reads roll it forward).
 */
record Aggregate(String id, List<Document> events, @Nullable Document snapshot) {

  /** Every aggregate of a domain whose snapshots are in the collection named like the domain. */
  static Map<String, Aggregate> all(Stores stores, String domain) {
    return all(stores, domain, domain, type -> true);
  }

  /**
   * Every aggregate of one kind in a domain: its snapshots in {@code collection}, its events those
   * of the domain's {@code events} whose type is the kind's (a domain may keep two kinds there).
   */
  static Map<String, Aggregate> all(
      Stores stores, String domain, String collection, Predicate<String> eventType) {
    Map<String, List<Document>> events = new HashMap<>();
    for (Document event : stores.events(domain)) {
      if (eventType.test(String.valueOf(event.getString("type")))) {
        events.computeIfAbsent(event.getString("aggregateId"), id -> new ArrayList<>()).add(event);
      }
    }
    Map<String, Document> snapshots = new HashMap<>();
    for (Document snapshot : stores.documents(domain, collection)) {
      snapshots.put(snapshot.get("_id").toString(), snapshot);
    }
    Set<String> ids = new HashSet<>(events.keySet());
    ids.addAll(snapshots.keySet());
    Map<String, Aggregate> aggregates = new HashMap<>();
    for (String id : ids) {
      List<Document> history = new ArrayList<>(events.getOrDefault(id, List.of()));
      history.sort(Comparator.comparingLong(Aggregate::version));
      aggregates.put(id, new Aggregate(id, history, snapshots.get(id)));
    }
    return aggregates;
  }

  @Nullable Document latest() {
    return events.isEmpty() ? snapshot : state(events.getLast());
  }

  @Nullable String field(String name) {
    Document latest = latest();
    return latest == null ? null : latest.getString(name);
  }

  @Nullable Instant instant(String name) {
    Document latest = latest();
    return latest == null ? null : instant(latest, name);
  }

  long count(String eventType) {
    return events.stream().filter(e -> eventType.equals(e.getString("type"))).count();
  }

  /** When it first reached {@code status}: the {@code at} of that event; null if it never did. */
  @Nullable Instant reached(String status) {
    return events.stream()
        .filter(event -> status.equals(state(event).getString("status")))
        .findFirst()
        .map(event -> instant(event, "at"))
        .orElse(null);
  }

  /** When its latest event was recorded; null without events. */
  @Nullable Instant changedAt() {
    return events.isEmpty() ? null : instant(events.getLast(), "at");
  }

  /** What is wrong with its history: a version without its event, or a snapshot no event made. */
  @Nullable String historyProblem() {
    for (int version = 0; version < events.size(); version++) {
      if (version(events.get(version)) != version) {
        return "no event for version " + version;
      }
    }
    if (snapshot == null) {
      return null;
    }
    long snapshotVersion = version(snapshot);
    if (snapshotVersion >= events.size()) {
      return "snapshot at version " + snapshotVersion + " but " + events.size() + " events";
    }
    Document recorded = state(events.get((int) snapshotVersion));
    return same(recorded, snapshot)
        ? null
        : "snapshot differs from the state its event " + snapshotVersion + " recorded";
  }

  static Document state(Document event) {
    Document state = event.get("state", Document.class);
    return state == null ? new Document() : state;
  }

  static @Nullable Instant instant(Document document, String name) {
    Date date = document.getDate(name);
    return date == null ? null : date.toInstant();
  }

  private static boolean same(Document recorded, Document snapshot) {
    return recorded.toJson().equals(snapshot.toJson());
  }

  private static long version(Document document) {
    return document.get("version", Number.class).longValue();
  }
}
