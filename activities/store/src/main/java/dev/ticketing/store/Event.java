package dev.ticketing.store;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * A fact a domain records, named in the past tense ({@code TicketCreated}), with the full state of
 * its aggregate after it happened. Its id, {@code <aggregateId>:<version>}, is what makes a change
 * happen at most once.
 */
public record Event(String type, String aggregateId, long version, Instant at, Document state) {

  public static String id(Object aggregateId, long version) {
    return aggregateId + ":" + version;
  }

  public String id() {
    return id(aggregateId, version);
  }

  static Event from(Document document) {
    return new Event(
        document.getString("type"),
        document.getString("aggregateId"),
        document.get("version", Number.class).longValue(),
        document.getDate("at").toInstant(),
        document.get("state", Document.class));
  }

  Document toDocument() {
    return new Document("_id", id())
        .append("type", type)
        .append("aggregateId", aggregateId)
        .append("version", version)
        .append("at", Date.from(at))
        .append("state", state);
  }
}
