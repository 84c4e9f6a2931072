package dev.ticketing.bench.chaos;

import java.util.List;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * One aggregate as stored: its events in version order and its snapshot. The truth is the latest
 * event's state (a snapshot may trail it after a crash, and reads roll it forward).
 */
record Aggregate(String id, List<Document> events, @Nullable Document snapshot) {

  @Nullable Document latest() {
    return events.isEmpty() ? snapshot : events.getLast().get("state", Document.class);
  }

  @Nullable String field(String name) {
    Document latest = latest();
    return latest == null ? null : latest.getString(name);
  }

  long count(String eventType) {
    return events.stream().filter(e -> eventType.equals(e.getString("type"))).count();
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
    Document recorded = events.get((int) snapshotVersion).get("state", Document.class);
    return same(recorded, snapshot)
        ? null
        : "snapshot differs from the state its event " + snapshotVersion + " recorded";
  }

  private static boolean same(Document recorded, Document snapshot) {
    return recorded.toJson().equals(snapshot.toJson());
  }

  private static long version(Document document) {
    return document.get("version", Number.class).longValue();
  }
}
