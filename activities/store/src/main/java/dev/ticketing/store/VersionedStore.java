package dev.ticketing.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;

/**
 * One kind of aggregate, whose every change is claimed by recording its event: the event for
 * version {@code n+1} can be inserted once, so of two writers deciding on version {@code n} exactly
 * one lands. The aggregate's document (its snapshot, for queries) is written after its event; a
 * read rolls it forward over any event it lacks, so a crash between the two misleads no decision.
 */
public final class VersionedStore<T> {

  /** How an aggregate maps to its document. */
  public interface Mapping<T> {
    Object id(T aggregate);

    long version(T aggregate);

    /** The aggregate's fields, apart from {@code _id} and {@code version}. */
    Document toDocument(T aggregate);

    /** The aggregate from a document holding {@code _id}, {@code version} and its fields. */
    T fromDocument(Document document);
  }

  private static final int MAX_ATTEMPTS = 1_000;
  private static final int MAX_SAVES = 10;

  private final MongoCollection<Document> snapshots;
  private final Mapping<T> mapping;
  private final EventLog events;
  private final List<Bson> queryIndexes;
  // Created on first query, so a process starts while its database is away.
  private volatile boolean indexed;

  /** A store whose {@link #query} filters and sorts are served by {@code queryIndexes}. */
  public VersionedStore(
      DomainDatabase database,
      String collection,
      Mapping<T> mapping,
      EventLog events,
      Bson... queryIndexes) {
    this.snapshots = database.collection(collection);
    this.mapping = mapping;
    this.events = events;
    this.queryIndexes = List.of(queryIndexes);
  }

  public Optional<T> find(Object id) {
    Document stored = snapshots.find(eq("_id", id)).first();
    Document latest = rolledForward(id, stored);
    if (latest != stored) {
      save(latest);
    }
    return Optional.ofNullable(latest).map(mapping::fromDocument);
  }

  /** The aggregate as an event of this store left it. */
  public T stateAfter(Event event) {
    return mapping.fromDocument(event.state());
  }

  /** Snapshots matching a query; they may trail their events by a moment, so not for decisions. */
  public List<T> query(Bson filter, Bson sort, int skip, int limit) {
    if (!indexed) {
      queryIndexes.forEach(snapshots::createIndex);
      indexed = true;
    }
    return snapshots
        .find(filter)
        .sort(sort)
        .skip(skip)
        .limit(limit)
        .map(mapping::fromDocument)
        .into(new ArrayList<>());
  }

  /** Stores a new aggregate at version 0, or answers the one that already has its id. */
  public T create(T aggregate, String eventType) {
    return add(aggregate, eventType).orElseGet(() -> find(mapping.id(aggregate)).orElseThrow());
  }

  /** Stores a new aggregate at version 0 and answers it; empty if one already has its id. */
  public Optional<T> add(T aggregate, String eventType) {
    Event created = event(eventType, aggregate, 0);
    if (!events.append(created)) {
      return Optional.empty();
    }
    publish(created);
    return Optional.of(mapping.fromDocument(created.state()));
  }

  /**
   * Applies {@code transition} to the latest aggregate until its event is the one recorded,
   * deciding again after every lost race. The transition refuses an illegal move by throwing, and
   * returns its input when there is nothing to do (a retried request): then nothing is written.
   * Empty when there is no such aggregate.
   */
  public Optional<T> change(Object id, String eventType, UnaryOperator<T> transition) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      Optional<T> current = find(id);
      if (current.isEmpty()) {
        return current;
      }
      T next = transition.apply(current.get());
      if (next.equals(current.get())) {
        return current;
      }
      Event changed = event(eventType, next, mapping.version(current.get()) + 1);
      if (events.append(changed)) {
        publish(changed);
        return Optional.of(mapping.fromDocument(changed.state()));
      }
    }
    throw new IllegalStateException("Could not change " + id + " for contention");
  }

  private Event event(String type, T aggregate, long version) {
    Object id = mapping.id(aggregate);
    Document state = new Document("_id", id).append("version", version);
    state.putAll(mapping.toDocument(aggregate));
    return new Event(type, id.toString(), version, Instant.now(), state);
  }

  private void publish(Event event) {
    save(event.state());
    events.announce(event);
  }

  /**
   * Writes a snapshot unless a newer one is there. Reading and writing are two steps, so a slower
   * writer of an older version may land in between; so every writer reads back after writing and
   * rolls what it finds forward over the log, until what is stored is the newest it knows of. The
   * last writer is thus the one that leaves the latest state.
   */
  private void save(Document state) {
    Object id = state.get("_id");
    Document newest = state;
    for (int attempt = 0; attempt < MAX_SAVES; attempt++) {
      Document stored = snapshots.find(eq("_id", id)).first();
      if (versionOf(stored) > versionOf(newest)) {
        newest = stored;
      }
      newest = rolledForward(id, newest);
      if (versionOf(stored) >= versionOf(newest)) {
        return;
      }
      if (stored == null) {
        insertUnlessPresent(newest);
      } else {
        snapshots.replaceOne(eq("_id", id), newest);
      }
    }
  }

  /** The state after the last event recorded past {@code state}; {@code state} if there is none. */
  private @Nullable Document rolledForward(Object id, @Nullable Document state) {
    Document latest = state;
    for (Event next = events.find(id, versionOf(latest) + 1);
        next != null;
        next = events.find(id, next.version() + 1)) {
      latest = next.state();
    }
    return latest;
  }

  private void insertUnlessPresent(Document state) {
    try {
      snapshots.insertOne(state);
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  private static long versionOf(@Nullable Document document) {
    return document == null ? -1 : document.get("version", Number.class).longValue();
  }
}
