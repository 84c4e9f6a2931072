package dev.ticketing.store;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.CursorType;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.CreateCollectionOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A domain's facts. {@code events} holds every one for good, under ids that make each change happen
 * once; {@code feed}, a capped collection read from its tail, announces the recent ones to whoever
 * streams them live.
 */
public final class EventLog {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);
  // A follower asks for news this often. Not with an awaiting cursor: FerretDB answers one by
  // querying the whole feed again every 10 ms until something comes, ten times the work.
  private static final Duration POLL = Duration.ofMillis(100);
  // Small, because FerretDB reads a feed from its start when a follower opens it.
  private static final long FEED_BYTES = 4L << 20;

  private final DomainDatabase database;
  private final MongoCollection<Document> events;
  private final MongoCollection<Document> feed;
  // Created on first use, so a process starts (and reports not ready) while its database is away.
  private volatile boolean feedCreated;

  public EventLog(DomainDatabase database) {
    this.database = database;
    this.events = database.collection("events");
    this.feed = database.collection("feed");
  }

  /** Records the event unless one with its id exists; true if this call recorded it. */
  boolean append(Event event) {
    try {
      events.insertOne(event.toDocument());
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  @Nullable Event find(Object aggregateId, long version) {
    Document document = events.find(eq("_id", Event.id(aggregateId, version))).first();
    return document == null ? null : Event.from(document);
  }

  /** Tells live readers; a fact missing here is still in {@code events}, so failure is logged. */
  void announce(Event event) {
    try {
      createFeed();
      feed.insertOne(event.toDocument());
    } catch (MongoException e) {
      log.debug("Event {} not announced: {}", event.id(), e.getMessage());
    }
  }

  /**
   * Hands {@code listener} every announcement, oldest first: those in the feed now, then each as it
   * comes, within {@link #POLL}. Returns when the feed's cursor ends, and throws when the server is
   * away; callers follow again after either, and so may be handed an event again. (FerretDB ends
   * the cursor at once while the whole feed fits in the first batch.)
   */
  public void follow(Consumer<Event> listener) {
    createFeed();
    try (MongoCursor<Document> cursor = feed.find().cursorType(CursorType.Tailable).cursor()) {
      while (!Thread.currentThread().isInterrupted()) {
        Document next = cursor.tryNext();
        if (next != null) {
          listener.accept(Event.from(next));
        } else if (cursor.getServerCursor() == null) {
          return;
        } else {
          sleep(POLL);
        }
      }
    }
  }

  /** Every event of one aggregate, oldest first; scans the log, so for checks, not requests. */
  public List<Event> of(Object aggregateId) {
    return events
        .find(eq("aggregateId", aggregateId.toString()))
        .map(Event::from)
        .into(new ArrayList<>())
        .stream()
        .sorted(Comparator.comparingLong(Event::version))
        .toList();
  }

  /** The feed is capped: an insert into a missing collection would make an unbounded one. */
  private void createFeed() {
    if (feedCreated) {
      return;
    }
    if (!database.collectionNames().contains("feed")) {
      try {
        database.createCollection(
            "feed", new CreateCollectionOptions().capped(true).sizeInBytes(FEED_BYTES));
      } catch (MongoException e) {
        log.debug("The feed was created meanwhile: {}", e.getMessage());
      }
    }
    feedCreated = true;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
