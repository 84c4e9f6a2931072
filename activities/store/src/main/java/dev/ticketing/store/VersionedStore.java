package dev.ticketing.store;

import static com.mongodb.client.model.Filters.eq;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/**
 * One kind of aggregate, a record with an {@code id} and a {@code version} mapped by Spring Data,
 * whose every change is claimed by recording its event: the event for version {@code n+1} can be
 * inserted once, so of two writers deciding on version {@code n} exactly one lands. (Not a
 * conditional update: FerretDB runs one as a read and then a write, so both writers would land.)
 *
 * <p>The aggregate's document, its snapshot for queries, is written after its event. A change costs
 * three round trips when this process already holds the aggregate's state, or its caller saw it a
 * moment ago and says so: the claim, the snapshot and the announcement to the feed; one more read
 * when neither. A state held here, or a snapshot, may be stale: the claim fails then, and the
 * change reads the log and decides again.
 */
public final class VersionedStore<T> {

  // Each lost attempt means another writer's change landed; this many in a row is contention.
  private static final int MAX_ATTEMPTS = 100;
  private static final int REMEMBERED = 10_000;

  private final DomainDatabase database;
  private final MongoTemplate template;
  private final String collection;
  private final Class<T> type;
  private final EventLog events;
  private final List<Index> queryIndexes;
  // Created on first query, so a process starts while its database is away.
  private volatile boolean indexed;
  // The latest state this process saw of recently used aggregates, by stored id.
  private final Map<Object, Document> remembered = new LeastRecentlyUsed<>(REMEMBERED);

  /** A store whose {@link #query} filters and sorts are served by {@code queryIndexes}. */
  public VersionedStore(
      DomainDatabase database,
      String collection,
      Class<T> type,
      EventLog events,
      Index... queryIndexes) {
    this.database = database;
    this.template = database.template();
    this.collection = collection;
    this.type = type;
    this.events = events;
    this.queryIndexes = List.of(queryIndexes);
  }

  /** The aggregate as its latest event left it. */
  public Optional<T> find(Object id) {
    return Optional.ofNullable(latest(storedId(id))).map(this::read);
  }

  /**
   * The aggregate as its latest event left it, read without writing anything: for a process that
   * may only read this domain's database. A snapshot that trails its events stays as it is.
   */
  public Optional<T> peek(Object id) {
    Object key = storedId(id);
    return Optional.ofNullable(rolledForward(key, snapshot(key), event -> {})).map(this::read);
  }

  /** The aggregate as an event of this store left it. */
  public T stateAfter(Event event) {
    return read(event.state());
  }

  /** Snapshots matching a query; they may trail their events by a moment, so not for decisions. */
  public List<T> query(Query query) {
    if (!indexed) {
      queryIndexes.forEach(template.indexOps(collection)::createIndex);
      indexed = true;
    }
    return template.find(query, type, collection);
  }

  /** Every snapshot matching a query, read as they come (not gathered into one list first). */
  public Stream<T> stream(Query query) {
    return template.stream(query, type, collection);
  }

  /** Stores a new aggregate at version 0, or answers the one that already has its id. */
  public T create(T aggregate, String eventType) {
    return add(aggregate, eventType)
        .orElseGet(() -> find(idOf(stateOf(aggregate, 0))).orElseThrow());
  }

  /** Stores a new aggregate at version 0 and answers it; empty if one already has its id. */
  public Optional<T> add(T aggregate, String eventType) {
    Document state = stateOf(aggregate, 0);
    return database.change(() -> claim(state, eventType))
        ? Optional.of(read(state))
        : Optional.empty();
  }

  /**
   * Applies {@code transition} to the latest aggregate until its event is the one recorded,
   * deciding again after every lost race. The transition refuses an illegal move by throwing, and
   * returns its input when there is nothing to do (a retried request): then nothing is written.
   * Empty when there is no such aggregate. A refusal or a "nothing to do" is only answered once
   * decided on a state read from the log, never on one that may be stale.
   */
  public Optional<T> change(Object id, String eventType, UnaryOperator<T> transition) {
    return change(id, eventType, transition, null);
  }

  /**
   * {@link #change}, starting from {@code seen}, the aggregate as a caller read it a moment ago,
   * when it is newer than what this process holds: that spares the read. It must be exactly what
   * the log holds at its version, as any read of this store answers it; a stale one costs the read
   * all the same, and one of another aggregate is ignored.
   */
  public Optional<T> change(
      Object id, String eventType, UnaryOperator<T> transition, @Nullable T seen) {
    return database.change(() -> decideAndClaim(storedId(id), eventType, transition, seen));
  }

  private Optional<T> decideAndClaim(
      Object key, String eventType, UnaryOperator<T> transition, @Nullable T seen) {
    Document current = remembered(key);
    Document seenState = seen == null ? null : stateOf(seen);
    if (seenState != null
        && idOf(seenState).equals(key)
        && versionOf(seenState) > versionOf(current)) {
      current = seenState; // newer than what this process remembers, if anything
    }
    if (current == null) {
      current = snapshot(key);
    }
    boolean surelyLatest = false;
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      if (current != null) {
        T before = read(current);
        T after = surelyLatest ? transition.apply(before) : refusalAsNull(transition, before);
        if (after != null && after.equals(before) && surelyLatest) {
          return Optional.of(before);
        }
        if (after != null && !after.equals(before)) {
          Document next = stateOf(after, versionOf(current) + 1);
          if (claim(next, eventType)) {
            return Optional.of(read(next));
          }
        }
      } else if (surelyLatest) {
        return Optional.empty();
      }
      current = latest(key);
      surelyLatest = true;
    }
    throw new ConcurrencyFailureException(
        "Could not change " + key + ": others changed it " + MAX_ATTEMPTS + " times meanwhile");
  }

  /** Records the state's event, then its snapshot and announcement; false if another writer won. */
  private boolean claim(Document state, String eventType) {
    var event =
        new Event(eventType, idOf(state).toString(), versionOf(state), Instant.now(), state);
    if (!events.append(event)) {
      return false;
    }
    writeSnapshot(state, event.version() > 0);
    events.announce(event);
    remember(idOf(state), state);
    return true;
  }

  /**
   * The snapshot rolled forward over any event it lacks. One that lacked some is written again and
   * its events announced again: their writer crashed before doing so, or is about to.
   */
  private @Nullable Document latest(Object key) {
    Document stored = snapshot(key);
    Document latest = rolledForward(key, stored, events::announce);
    boolean behind = versionOf(latest) > versionOf(stored);
    if (latest != null && behind) {
      writeSnapshot(latest, stored != null);
    }
    if (latest != null) {
      remember(key, latest);
    }
    return latest;
  }

  /** The state after every event that follows {@code state}, each handed to {@code passed}. */
  private @Nullable Document rolledForward(
      Object key, @Nullable Document state, Consumer<Event> passed) {
    Document latest = state;
    for (Event next = events.find(key, versionOf(latest) + 1);
        next != null;
        next = events.find(key, next.version() + 1)) {
      latest = next.state();
      passed.accept(next);
    }
    return latest;
  }

  /**
   * Writes the snapshot, unless a newer one is there: writers land in any order (one paused after
   * its claim, a reader rolling a snapshot forward), and queries read snapshots alone, so one must
   * never go back. Still one round trip as nearly always: the replace answers what it replaced, and
   * a newer one replaced by a late writer is put back by it. Never an upsert: two of those at once
   * for a new id make one fail (FerretDB then answers without the count the driver reads). Package
   * private for its test.
   */
  void writeSnapshot(Document state, boolean replaces) {
    Document writing = state;
    boolean inserting = !replaces;
    while (true) {
      if (inserting && inserted(writing)) {
        return;
      }
      Document replaced = replaced(writing);
      if (replaced == null) {
        inserting = true; // none yet: its creator is late, and puts back a newer one in turn
      } else if (versionOf(replaced) > versionOf(writing)) {
        writing = replaced;
        inserting = false;
      } else {
        return;
      }
    }
  }

  private boolean inserted(Document state) {
    try {
      template.insert(state, collection);
      return true;
    } catch (DuplicateKeyException writtenMeanwhile) {
      return false; // by its writer, or a reader rolling it forward: which one is newer?
    }
  }

  private @Nullable Document replaced(Document state) {
    return template.execute(
        collection, snapshots -> snapshots.findOneAndReplace(eq("_id", idOf(state)), state));
  }

  private @Nullable Document snapshot(Object key) {
    // By its stored _id as it is, through the driver: Spring Data would take a string _id that
    // looks like an ObjectId for one. Run by the template, its failures are Spring's as any other.
    return template.execute(collection, snapshots -> snapshots.find(eq("_id", key)).first());
  }

  private @Nullable T refusalAsNull(UnaryOperator<T> transition, T state) {
    try {
      return transition.apply(state);
    } catch (RuntimeException refusal) {
      return null;
    }
  }

  /**
   * The aggregate's document at {@code version}, its {@code _id} stored as {@link #storedId} stores
   * ids (Spring Data would store a string id that looks like an ObjectId as one).
   */
  private Document stateOf(T aggregate, long version) {
    Document state = stateOf(aggregate);
    state.put("version", version);
    return state;
  }

  /** The aggregate's document at the version it holds. */
  private Document stateOf(T aggregate) {
    var state = new Document();
    template.getConverter().write(aggregate, state);
    Object id =
        template
            .getConverter()
            .getMappingContext()
            .getRequiredPersistentEntity(type)
            .getIdentifierAccessor(aggregate)
            .getRequiredIdentifier();
    state.put("_id", storedId(id));
    return state;
  }

  private T read(Document state) {
    return template.getConverter().read(type, state);
  }

  /** An id as this store keeps it: a value type's one value, anything else as it is. */
  private Object storedId(Object id) {
    Object stored = template.getConverter().convertToMongoType(id);
    return stored == null ? id : stored;
  }

  private synchronized @Nullable Document remembered(Object key) {
    return remembered.get(key);
  }

  private synchronized void remember(Object key, Document state) {
    Document known = remembered.get(key);
    if (known == null || versionOf(known) < versionOf(state)) {
      remembered.put(key, state);
    }
  }

  private static Object idOf(Document state) {
    return state.get("_id");
  }

  private static long versionOf(@Nullable Document state) {
    return state == null ? -1 : state.get("version", Number.class).longValue();
  }
}
