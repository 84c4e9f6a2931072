package dev.ticketing.store;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.CursorType;
import com.mongodb.client.MongoCursor;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.CollectionOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A domain's facts. {@code events} holds every one for good, under ids that make each change happen
 * once; {@code feed}, a capped collection read from its tail, announces the recent ones to whoever
 * follows them (live updates, read models).
 */
public final class EventLog {

  private static final Logger log = LoggerFactory.getLogger(EventLog.class);
  private static final String EVENTS = "events";
  private static final String FEED = "feed";
  // Each poll of a follower costs FerretDB (v1.24) a read of the feed from its start: a tailable
  // cursor's next batch runs its query again up to where the follower was (Cursor.Reset), ~0.1 ms
  // a document. Four followers at 10 polls a second over 1,000 announcements kept 1.8 cores busy
  // with nobody buying (bench/README.md). So followers poll 4 times a second, well within the
  // second that lists may trail a sale by, and the feed keeps its last 200 announcements, many
  // polls' worth (1,000 sign-ups came at ~70 a second): 0.36 of a core at most. FerretDB trims it
  // when its cleanup runs, every second as scripts/run.sh and the harness start it. A follower
  // further behind lapses and follows again. Not with an awaiting cursor: FerretDB answers one by
  // querying the whole feed every 10 ms.
  private static final Duration POLL = Duration.ofMillis(250);
  private static final long FEED_EVENTS = 200;
  // MongoDB needs a size cap as well: 200 announcements of up to 5 KB (they take ~0.5).
  private static final long FEED_BYTES = 1L << 20;

  private final DomainDatabase database;
  private final MongoTemplate template;
  // Created on first use, so a process starts (and reports not ready) while its database is away.
  private volatile boolean feedCreated;

  public EventLog(DomainDatabase database) {
    this.database = database;
    this.template = database.template();
  }

  /** Records the event unless one with its id exists; true if this call recorded it. */
  boolean append(Event event) {
    try {
      template.insert(event, EVENTS);
      database.recorded(event);
      return true;
    } catch (DuplicateKeyException taken) {
      return false;
    }
  }

  @Nullable Event find(Object aggregateId, long version) {
    return template.findById(Event.id(aggregateId, version), Event.class, EVENTS);
  }

  /** Tells followers; a fact missing here is still in {@code events}, so failure is logged. */
  void announce(Event event) {
    try {
      createFeed();
      template.insert(event, FEED);
    } catch (DataAccessException e) {
      log.debug("Event {} not announced: {}", event.id(), e.getMessage());
    }
  }

  /**
   * Hands {@code listener} every announcement, oldest first: those in the feed now, then each as it
   * comes, within {@link #POLL}. Returns when the feed's cursor ends, and throws when the server is
   * away; callers follow again after either, and so may be handed an event again. (FerretDB ends
   * the cursor at once while the whole feed fits in the first batch.) Spring Data's template has no
   * tailable cursor outside its reactive flavour, hence the driver's.
   */
  public void follow(Consumer<Event> listener) {
    createFeed();
    try (MongoCursor<Document> cursor =
        template.getCollection(FEED).find().cursorType(CursorType.Tailable).cursor()) {
      while (!Thread.currentThread().isInterrupted()) {
        Document next = cursor.tryNext();
        if (next != null) {
          listener.accept(template.getConverter().read(Event.class, next));
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
    return template
        .find(Query.query(where("aggregateId").is(aggregateId.toString())), Event.class, EVENTS)
        .stream()
        .sorted(Comparator.comparingLong(Event::version))
        .toList();
  }

  /**
   * The feed is capped: an insert into a missing collection would make an unbounded one. A feed
   * made before it was capped at {@link #FEED_EVENTS} is made again: it only announces, and its
   * followers follow the new one after a lapse.
   */
  private void createFeed() {
    if (feedCreated) {
      return;
    }
    Document made = template.getDb().listCollections().filter(new Document("name", FEED)).first();
    if (made != null && !cappedAtFeedEvents(made)) {
      log.info(
          "Making the {} feed again, capped at {} announcements", database.name(), FEED_EVENTS);
      template.dropCollection(FEED);
      made = null;
    }
    if (made == null) {
      try {
        template.createCollection(
            FEED, CollectionOptions.empty().capped().size(FEED_BYTES).maxDocuments(FEED_EVENTS));
      } catch (DataAccessException e) {
        log.debug("The feed was created meanwhile: {}", e.getMessage());
      }
    }
    feedCreated = true;
  }

  private static boolean cappedAtFeedEvents(Document collection) {
    Document options = collection.get("options", Document.class);
    return options != null
        && options.get("max") instanceof Number max
        && max.longValue() == FEED_EVENTS;
  }

  private static void sleep(Duration pause) {
    try {
      Thread.sleep(pause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
