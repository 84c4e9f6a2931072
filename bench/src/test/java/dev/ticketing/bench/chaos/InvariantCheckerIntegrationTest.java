package dev.ticketing.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ticketing.bench.stack.TemporalConnection;
import dev.ticketing.bench.stores.Stores;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.TemporalDevServer;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checker finds each kind of violation it counts, in stores written to show one each. */
@ExtendWith(LocalStack.class)
class InvariantCheckerIntegrationTest {

  private final Instant now = Instant.now();
  private MongoClient client;
  private Stores stores;
  private TemporalConnection temporal;

  @BeforeEach
  void open(FerretDb ferretDb, TemporalDevServer server) {
    client = MongoClients.create(ferretDb.uri());
    Stores.DOMAINS.forEach(domain -> client.getDatabase(domain).drop());
    stores = new Stores(ferretDb.uri());
    temporal = TemporalConnection.to(server.address());
  }

  @AfterEach
  void close() {
    temporal.close();
    stores.close();
    client.close();
  }

  @Test
  void findsNothingInAConsistentPurchase() {
    String ticket = id();
    String order = id();
    store("orders", order, order(ticket, "COMPLETE", now));
    store(
        "tickets",
        ticket,
        ticket(order, "AVAILABLE"),
        ticket(order, "RESERVED"),
        ticket(order, "SOLD"));
    store("payments", id(), payment(order, "SUCCEEDED"));

    assertThat(new InvariantChecker(stores, temporal).check(now).counts())
        .allSatisfy((kind, count) -> assertThat(count).as(kind).isZero());
  }

  @Test
  void countsEachKindOfViolation() {
    String soldTwice = id();
    store(
        "tickets",
        soldTwice,
        ticket(null, "AVAILABLE"),
        ticket(null, "SOLD"),
        ticket(null, "SOLD"));
    String shared = id();
    store("orders", id(), order(shared, "COMPLETE", now));
    store("orders", id(), order(shared, "COMPLETE", now));
    String cancelled = id();
    store("orders", cancelled, order(id(), "cancelled", now));
    store("payments", id(), payment(cancelled, "SUCCEEDED"));
    store("orders", id(), order(id(), "CREATED", now.minusSeconds(31)));
    store("tickets", id(), ticket(cancelled, "RESERVED"));
    String gap = id();
    store("tickets", gap, ticket(null, "AVAILABLE"));
    insertSnapshot("tickets", gap, 2, ticket(null, "RESERVED"));

    var counts = new InvariantChecker(stores, temporal).check(now).counts();

    assertThat(counts.get(Violations.SOLD_TWICE)).isEqualTo(2);
    assertThat(counts.get(Violations.CHARGES_WITHOUT_ORDER)).isEqualTo(1);
    assertThat(counts.get(Violations.OPEN_PAST_EXPIRY)).isEqualTo(1);
    assertThat(counts.get(Violations.HELD_BY_CLOSED)).isEqualTo(1);
    assertThat(counts.get(Violations.SOLD_WITHOUT_ORDER)).isEqualTo(1);
    assertThat(counts.get(Violations.MISSING_EVENTS)).isEqualTo(1);
  }

  private static String id() {
    return new ObjectId().toHexString();
  }

  private static Document ticket(String orderId, String status) {
    return new Document("title", "t").append("orderId", orderId).append("status", status);
  }

  private static Document order(String ticketId, String status, Instant expiresAt) {
    return new Document("status", status)
        .append("expiresAt", Date.from(expiresAt))
        .append("ticket", new Document("_id", ticketId));
  }

  private static Document payment(String orderId, String status) {
    return new Document("orderId", orderId).append("status", status);
  }

  /** An aggregate whose states are versions 0, 1, ...: one event each, the snapshot at the last. */
  private void store(String domain, String id, Document... states) {
    for (int version = 0; version < states.length; version++) {
      Document state = state(id, version, states[version]);
      client
          .getDatabase(domain)
          .getCollection("events")
          .insertOne(
              new Document("_id", id + ":" + version)
                  .append(
                      "type",
                      version > 0 && states[version].get("status").equals("SOLD")
                          ? "TicketSold"
                          : "Changed")
                  .append("aggregateId", id)
                  .append("version", (long) version)
                  .append("at", new Date())
                  .append("state", state));
    }
    insertSnapshot(domain, id, states.length - 1, states[states.length - 1]);
  }

  private void insertSnapshot(String domain, String id, long version, Document fields) {
    var snapshots = client.getDatabase(domain).getCollection(domain);
    snapshots.deleteOne(new Document("_id", new ObjectId(id)));
    snapshots.insertOne(state(id, version, fields));
  }

  private static Document state(String id, long version, Document fields) {
    Document state = new Document("_id", new ObjectId(id)).append("version", version);
    state.putAll(fields);
    return state;
  }
}
