package dev.ticketing.store;

import java.time.Instant;
import org.bson.Document;

/**
 * A fact a domain records, named in the past tense ({@code TicketCreated}), with the full state of
 * its aggregate after it happened. Its id, {@code <aggregateId>:<version>}, is what makes a change
 * happen at most once.
 */
public record Event(
    String id, String type, String aggregateId, long version, Instant at, Document state) {

  public Event(String type, String aggregateId, long version, Instant at, Document state) {
    this(id(aggregateId, version), type, aggregateId, version, at, state);
  }

  public static String id(Object aggregateId, long version) {
    return aggregateId + ":" + version;
  }
}
