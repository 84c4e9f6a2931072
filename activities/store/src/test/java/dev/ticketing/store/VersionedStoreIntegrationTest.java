package dev.ticketing.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Poll;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.data.mongodb.core.CollectionOptions;

@ExtendWith(LocalStack.class)
class VersionedStoreIntegrationTest {

  /** A seat that one holder at a time can take, and a counter of how often it changed hands. */
  record Seat(ObjectId id, long version, @Nullable String holder, int changes) {
    Seat takeFor(String taker) {
      return holder == null ? new Seat(id, version, taker, changes + 1) : this;
    }

    Seat free() {
      return new Seat(id, version, null, changes + 1);
    }
  }

  /** A record whose id is a string that looks like an ObjectId, as every domain's ids do. */
  record Desk(String id, long version, @Nullable String holder) {}

  DomainDatabase database;
  EventLog events;
  VersionedStore<Seat> seats;

  @BeforeEach
  void open(FerretDb ferretDb) {
    database = DomainDatabase.open(ferretDb.uri("store_" + new ObjectId()), "unused");
    events = new EventLog(database);
    seats = new VersionedStore<>(database, "seats", Seat.class, events);
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void createsOnceAndRecordsTheCreation() {
    var seat = new Seat(new ObjectId(), 0, null, 0);

    seats.create(seat, "SeatCreated");
    Seat again = seats.create(new Seat(seat.id(), 0, "someone", 0), "SeatCreated");

    assertThat(again).isEqualTo(seat);
    assertThat(events.of(seat.id())).extracting(Event::type).containsExactly("SeatCreated");
  }

  @Test
  void ofManyConcurrentTakersExactlyOneGetsTheSeat() throws Exception {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");

    List<Seat> outcomes =
        concurrently(
            200,
            i ->
                () ->
                    seats
                        .change(seat.id(), "SeatTaken", s -> s.takeFor("taker-" + i))
                        .orElseThrow());

    Seat taken = seats.find(seat.id()).orElseThrow();
    assertThat(taken.holder()).isNotNull();
    assertThat(outcomes).extracting(Seat::holder).containsOnly(taken.holder());
    assertThat(events.of(seat.id()))
        .extracting(Event::type)
        .containsExactly("SeatCreated", "SeatTaken");
  }

  @Test
  void concurrentChangesAllLandInOrderWithOneEventEach() throws Exception {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");

    concurrently(40, i -> () -> seats.change(seat.id(), "SeatFreed", Seat::free).orElseThrow());

    Seat last = seats.find(seat.id()).orElseThrow();
    assertThat(last.changes()).isEqualTo(40);
    assertThat(last.version()).isEqualTo(40);
    assertThat(events.of(seat.id()))
        .extracting(Event::version)
        .containsExactlyElementsOf(LongStream.rangeClosed(0, 40).boxed().toList());
    assertThat(snapshot(seat).getLong("version")).as("the snapshot, once read").isEqualTo(40);
  }

  @Test
  void aChangeThatIsAlreadyDoneWritesNothing() {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, "me", 0), "SeatCreated");

    seats.change(seat.id(), "SeatTaken", s -> s.takeFor("me"));

    assertThat(seats.find(seat.id()).orElseThrow().version()).isZero();
    assertThat(events.of(seat.id())).hasSize(1);
  }

  @Test
  void aStateThisProcessRememberedIsCheckedBeforeItRefusesOrDoesNothing() {
    var otherProcess = new VersionedStore<>(database, "seats", Seat.class, new EventLog(database));
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
    seats.change(seat.id(), "SeatTaken", s -> s.takeFor("first"));
    otherProcess.change(seat.id(), "SeatFreed", Seat::free);

    Seat taken = seats.change(seat.id(), "SeatTaken", s -> s.takeFor("second")).orElseThrow();
    otherProcess.change(seat.id(), "SeatFreed", Seat::free);
    Seat takenAgain =
        seats
            .change(
                seat.id(),
                "SeatTaken",
                s -> {
                  if (s.holder() != null) {
                    throw new IllegalStateException("Seat is taken");
                  }
                  return s.takeFor("third");
                })
            .orElseThrow();

    assertThat(taken.holder()).isEqualTo("second");
    assertThat(taken.version()).isEqualTo(3);
    assertThat(takenAgain.holder()).isEqualTo("third");
    assertThat(takenAgain.version()).isEqualTo(5);
  }

  @Test
  void aChangeTakesThreeRoundTripsAndOneMoreReadForAnAggregateNotHeldHere() {
    seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated"); // creates the feed
    var registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try {
      Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
      double created = roundTrips(registry);
      seats.change(seat.id(), "SeatTaken", s -> s.takeFor("me"));
      double held = roundTrips(registry) - created;
      new VersionedStore<>(database, "seats", Seat.class, events)
          .change(seat.id(), "SeatFreed", Seat::free);
      double notHeld = roundTrips(registry) - created - held;

      assertThat(created).as("a creation: event, snapshot, feed").isEqualTo(3);
      assertThat(held).as("a change of what this store holds").isEqualTo(3);
      assertThat(notHeld).as("a change of what another process wrote").isEqualTo(4);
      assertThat(registry.counter("ticketing.store.changes", "domain", "unused").count())
          .isEqualTo(3);
      // Counters of other tests' events show up too, at 0, once a registry joins the global one.
      assertThat(registry.find("ticketing.events").tag("domain", "unused").counters())
          .filteredOn(counter -> counter.count() > 0)
          .extracting(c -> c.getId().getTag("type") + "=" + c.count())
          .containsExactlyInAnyOrder("SeatCreated=1.0", "SeatTaken=1.0", "SeatFreed=1.0");
    } finally {
      Metrics.removeRegistry(registry);
    }
  }

  @Test
  void aChangeFromWhatItsCallerSawSparesTheReadAndAStaleSightDecidesOnTheLatest() {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
    var registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    try {
      Seat taken =
          new VersionedStore<>(database, "seats", Seat.class, events)
              .change(seat.id(), "SeatTaken", s -> s.takeFor("me"), seat)
              .orElseThrow();
      assertThat(roundTrips(registry)).as("event, snapshot, feed: no read").isEqualTo(3);
      assertThat(taken).isEqualTo(new Seat(seat.id(), 1, "me", 1));
    } finally {
      Metrics.removeRegistry(registry);
    }

    Seat stillMine =
        new VersionedStore<>(database, "seats", Seat.class, events)
            .change(seat.id(), "SeatTaken", s -> s.takeFor("you"), seat)
            .orElseThrow();

    assertThat(stillMine).isEqualTo(new Seat(seat.id(), 1, "me", 1));
    assertThat(events.of(seat.id()))
        .extracting(Event::type)
        .containsExactly("SeatCreated", "SeatTaken");
  }

  private static double roundTrips(SimpleMeterRegistry registry) {
    return registry.counter("ticketing.store.change.commands", "domain", "unused").count();
  }

  @Test
  void aSnapshotWhoseIdLooksLikeAnObjectIdIsKeptUnderThatStringAndReplaced() {
    var desks = new VersionedStore<>(database, "desks", Desk.class, events);
    String id = new ObjectId().toHexString();
    desks.create(new Desk(id, 0, null), "DeskCreated");

    desks.change(id, "DeskTaken", d -> new Desk(d.id(), d.version(), "me"));

    Document stored =
        database.template().getCollection("desks").find(Filters.eq("_id", id)).first();
    assertThat(stored).isNotNull();
    assertThat(stored.getString("holder")).isEqualTo("me");
    assertThat(stored.getLong("version")).isEqualTo(1);
  }

  @Test
  void aReadCatchesUpAnEventWhoseSnapshotACrashLostAndOnlyAFindRepairsIt() {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
    Document taken =
        new Document("_id", seat.id())
            .append("version", 1L)
            .append("holder", "x")
            .append("changes", 1);
    events.append(new Event("SeatTaken", seat.id().toString(), 1, Instant.now(), taken));

    assertThat(seats.peek(seat.id()).orElseThrow().holder()).isEqualTo("x");
    assertThat(snapshot(seat).getString("holder")).as("a peek writes nothing").isNull();
    assertThat(seats.find(seat.id()).orElseThrow().holder()).isEqualTo("x");
    assertThat(snapshot(seat).getString("holder")).isEqualTo("x");
  }

  @Test
  void aSnapshotWrittenLateNeverTakesTheNewerOnesPlace() {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
    seats.change(seat.id(), "SeatTaken", s -> s.takeFor("x"));
    seats.change(seat.id(), "SeatFreed", Seat::free);

    // version 1's writer, paused after its claim, or a reader that rolled the snapshot to it
    seats.writeSnapshot(seatState(seat.id(), 1, "x", 1), true);

    assertThat(snapshot(seat).get("version", Number.class).longValue()).isEqualTo(2);
    assertThat(snapshot(seat).getString("holder")).isNull();
  }

  @Test
  void aCreationsSnapshotWrittenLateNeverTakesTheNewerOnesPlace() {
    var id = new ObjectId();
    seats.writeSnapshot(seatState(id, 2, "x", 2), true); // its creator has not inserted it yet

    seats.writeSnapshot(seatState(id, 0, null, 0), false);

    Document stored =
        database.template().getCollection("seats").find(Filters.eq("_id", id)).first();
    assertThat(stored).isNotNull();
    assertThat(stored.get("version", Number.class).longValue()).isEqualTo(2);
  }

  private static Document seatState(ObjectId id, long version, @Nullable String holder, int n) {
    return new Document("_id", id)
        .append("version", version)
        .append("holder", holder)
        .append("changes", n);
  }

  @Test
  void aCreationWhoseSnapshotACrashLostStillExists() {
    var id = new ObjectId();
    Document state =
        new Document("_id", id).append("version", 0L).append("holder", null).append("changes", 0);
    events.append(new Event("SeatCreated", id.toString(), 0, Instant.now(), state));

    assertThat(seats.find(id)).isPresent();
  }

  @Test
  void ticketingStoreUpFollowsTheServerAsTheDriversMonitorSeesIt(FerretDb ferretDb) {
    var registry = new SimpleMeterRegistry();
    Metrics.addRegistry(registry);
    String domain = "reachable_" + new ObjectId();
    // the monitor looks every half second here, not every ten
    String uri = ferretDb.uri("store_" + new ObjectId()) + "?heartbeatFrequencyMS=500";
    try (DomainDatabase watched = DomainDatabase.open(uri, domain)) {
      Supplier<Double> up =
          () -> registry.get("ticketing.store.up").tag("domain", domain).gauge().value();
      Poll.until("the store is up", Duration.ofSeconds(10), () -> up.get() == 1);
      ferretDb.stop();
      Poll.until("the store is down", Duration.ofSeconds(10), () -> up.get() == 0);
      ferretDb.start();
      Poll.until("the store is up again", Duration.ofSeconds(10), () -> up.get() == 1);
    } finally {
      ferretDb.start();
      Metrics.removeRegistry(registry);
    }
  }

  @Test
  void aStoreOpensWhileItsServerIsAwayAndWorksOnceItAnswers(FerretDb ferretDb) {
    String uri = ferretDb.uri("store_" + new ObjectId());
    ferretDb.stop();
    try (DomainDatabase away = DomainDatabase.open(uri, "unused")) {
      var store = new VersionedStore<>(away, "seats", Seat.class, new EventLog(away));
      assertThat(away.ping()).isFalse();
      ferretDb.start();
      Seat seat = store.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
      assertThat(store.find(seat.id())).contains(seat);
    } finally {
      ferretDb.start();
    }
  }

  @Test
  void theServerFindsDocumentsByIdThroughItsIndexNotByScanning() {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");

    Document plan =
        database
            .template()
            .getCollection("events")
            .find(Filters.eq("_id", Event.id(seat.id(), 0)))
            .explain();

    assertThat(plan.toJson()).contains("USING INDEX");
  }

  @Test
  void aChangeStartsFromASeenStateOnlyWhenItIsOfThatAggregate() {
    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
    Seat other = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
    seats.change(other.id(), "SeatTaken", s -> s.takeFor("bob"));
    Seat otherFreed = seats.change(other.id(), "SeatFreed", Seat::free).orElseThrow();

    Seat taken =
        seats.change(seat.id(), "SeatTaken", s -> s.takeFor("ada"), otherFreed).orElseThrow();

    assertThat(taken.id()).isEqualTo(seat.id());
    assertThat(taken.holder()).isEqualTo("ada");
    assertThat(events.of(other.id()))
        .extracting(Event::type)
        .containsExactly("SeatCreated", "SeatTaken", "SeatFreed");
  }

  @Test
  void aFollowerHearsEveryAnnouncementAsItComes() {
    var heard = new java.util.concurrent.ConcurrentLinkedQueue<Event>();
    try (var following = Following.start("seats", events, heard::add, () -> {})) {
      for (int i = 0; i < 150; i++) {
        Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
        seats.change(seat.id(), "SeatTaken", s -> s.takeFor("me"));
      }

      Poll.until(
          "the follower heard all 300 events",
          Duration.ofSeconds(20),
          () -> heard.stream().map(Event::id).distinct().count() == 300);
      assertThat(heard.stream().map(Event::type).distinct())
          .containsExactly("SeatCreated", "SeatTaken");
    }
  }

  @Test
  void theFeedKeepsItsLatestAnnouncementsOnly() {
    var created = new ArrayList<Seat>();
    for (int i = 0; i < 150; i++) {
      Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");
      seats.change(seat.id(), "SeatTaken", s -> s.takeFor("me"));
      created.add(seat);
    }
    Seat last = created.getLast();
    var feed = database.template().getCollection("feed");

    // Each follower's poll reads the feed whole on FerretDB: it must not grow with the store.
    Poll.until(
        "FerretDB trimmed the feed to its last 200 announcements",
        Duration.ofSeconds(10),
        () -> feed.countDocuments() <= 200);
    assertThat(feed.countDocuments(Filters.eq("aggregateId", last.id().toString())))
        .as("the latest announcements are kept")
        .isEqualTo(2);
  }

  @Test
  void aFeedMadeBeforeItWasCappedByCountIsMadeAgain() {
    var template = database.template();
    template.createCollection("feed", CollectionOptions.empty().capped().size(4L << 20));
    template.getCollection("feed").insertOne(new Document("announced", "before"));

    Seat seat = seats.create(new Seat(new ObjectId(), 0, null, 0), "SeatCreated");

    Document feed = template.getDb().listCollections().filter(Filters.eq("name", "feed")).first();
    assertThat(feed.get("options", Document.class).get("max")).as("capped at").isIn(200, 200L);
    assertThat(template.getCollection("feed").find().map(d -> d.get("aggregateId")))
        .containsExactly(seat.id().toString());
  }

  @Test
  void aFollowingThatLosesItsFeedSaysSoEachTimeItTriesAgain() {
    var lapses = new AtomicInteger();
    try (var following = Following.start("seats", events, event -> {}, lapses::incrementAndGet)) {
      database.close();

      Poll.until("it lapsed, and again", Duration.ofSeconds(10), () -> lapses.get() >= 2);
    }
  }

  private Document snapshot(Seat seat) {
    return database.template().getCollection("seats").find(Filters.eq("_id", seat.id())).first();
  }

  private static <T> List<T> concurrently(
      int count, java.util.function.IntFunction<Callable<T>> task) throws Exception {
    try (var threads = Executors.newFixedThreadPool(32)) {
      List<Future<T>> futures =
          IntStream.range(0, count).mapToObj(i -> threads.submit(task.apply(i))).toList();
      List<T> results = new java.util.ArrayList<>();
      for (Future<T> future : futures) {
        results.add(future.get());
      }
      return results;
    }
  }
}
