package dev.ticketing.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.ticketing.bench.stack.BenchStack;
import dev.ticketing.bench.stack.TemporalConnection;
import dev.ticketing.bench.stores.Stores;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.TemporalDevServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The checker finds each kind of violation it counts, in stores written to show one each. */
@ExtendWith(LocalStack.class)
class InvariantCheckerIntegrationTest {

  private static final String PAYOUTS = "payouts";
  private static final String NOTIFICATIONS = "notifications";

  private final Instant now = Instant.now();
  private final List<String> mailServer = new ArrayList<>();
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
    String seller = activeSeller(now.minusSeconds(300));
    Document held = payout(seller, "HELD", now.minusSeconds(100));
    sale(scheduled(held), sent(paid(held, now.minusSeconds(99), "tr_1")));
    Document paidOnce = paid(held, now.minusSeconds(99), "tr_2");
    sale(
        scheduled(held),
        sent(paidOnce),
        change("PayoutReversed", now.minusSeconds(80), with(paidOnce, "status", "REVERSED")),
        change("PayoutResumed", now.minusSeconds(51), with(paidOnce, "status", "HELD")),
        sent(paid(held, now.minusSeconds(50), "tr_3")));
    sale(scheduled(payout(seller, "HELD", now.plusSeconds(60))));
    sale(
        scheduled(held),
        change("PayoutFrozen", now.minusSeconds(105), with(held, "status", "FROZEN")));
    String withoutAccount = id();
    sale(awaiting(withoutAccount, now.minusSeconds(200)));
    String onboarding = id();
    account(onboarding, "ONBOARDING", now.minusSeconds(300));
    sale(awaiting(onboarding, now.minusSeconds(200)));
    String expired = closedOrder("EXPIRED", now.minusSeconds(200));
    email("expired-" + expired, "EmailClaimed", "EmailSent");
    received("expired-" + expired);

    assertThat(new InvariantChecker(stores, temporal, () -> mailServer).check(now).counts())
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
    insertSnapshot("tickets", "tickets", gap, 2, ticket(null, "RESERVED"));

    var counts = new InvariantChecker(stores, temporal, () -> mailServer).check(now).counts();

    assertThat(counts.get(Violations.SOLD_TWICE)).isEqualTo(2);
    assertThat(counts.get(Violations.CHARGES_WITHOUT_ORDER)).isEqualTo(1);
    assertThat(counts.get(Violations.OPEN_PAST_EXPIRY)).isEqualTo(1);
    assertThat(counts.get(Violations.HELD_BY_CLOSED)).isEqualTo(1);
    assertThat(counts.get(Violations.SOLD_WITHOUT_ORDER)).isEqualTo(1);
    assertThat(counts.get(Violations.MISSING_EVENTS)).isEqualTo(1);
  }

  @Test
  void countsAPayoutPaidTwice() {
    String seller = activeSeller(now.minusSeconds(300));
    Document held = payout(seller, "HELD", now.minusSeconds(100));
    Document paid = paid(held, now.minusSeconds(99), "tr_1");
    sale(scheduled(held), sent(paid), sent(paid));
    sale(scheduled(held), sent(paid), sent(paid(held, now.minusSeconds(90), "tr_2")));

    assertCounted(Violations.PAID_TWICE, 2);
  }

  @Test
  void countsAPayoutWithoutACompleteOrder() {
    Document held = payout(activeSeller(now.minusSeconds(300)), "HELD", now.plusSeconds(60));
    String cancelled = id();
    store("orders", cancelled, order(id(), "CANCELLED", now));
    record(PAYOUTS, PAYOUTS, cancelled, List.of(scheduled(held)));
    record(PAYOUTS, PAYOUTS, id(), List.of(scheduled(held)));

    assertCounted(Violations.PAYOUT_WITHOUT_ORDER, 2);
  }

  @Test
  void countsAPayoutPaidBeforeItsRelease() {
    Document held = payout(activeSeller(now.minusSeconds(300)), "HELD", now.minusSeconds(100));
    sale(scheduled(held), sent(paid(held, now.minusSeconds(101), "tr_1")));

    assertCounted(Violations.PAID_BEFORE_RELEASE, 1);
  }

  @Test
  void countsATransferOutOfAFrozenPayout() {
    Document held = payout(activeSeller(now.minusSeconds(300)), "HELD", now.minusSeconds(100));
    sale(
        scheduled(held),
        change("PayoutFrozen", now.minusSeconds(100), with(held, "status", "FROZEN")),
        sent(paid(held, now.minusSeconds(99), "tr_1")));

    assertCounted(Violations.PAID_WHILE_FROZEN, 1);
  }

  @Test
  void countsAPayoutWhoseFeeAndAmountAreNotItsCharge() {
    Document held = payout(activeSeller(now.minusSeconds(300)), "HELD", now.plusSeconds(60));
    sale(scheduled(with(held, "fee", 300L)));

    assertCounted(Violations.FEE_AND_AMOUNT, 1);
  }

  @Test
  void countsPayoutsMissingOrStuckPastTheGraceOnly() {
    String seller = activeSeller(now.minusSeconds(300));
    completeOrder(now.minusSeconds(31));
    completeOrder(now.minusSeconds(29));
    sale(scheduled(payout(seller, "HELD", now.minusSeconds(31))));
    sale(scheduled(payout(seller, "HELD", now.minusSeconds(29))));
    sale(awaiting(activeSeller(now.minusSeconds(31)), now.minusSeconds(200)));
    sale(awaiting(activeSeller(now.minusSeconds(29)), now.minusSeconds(200)));

    assertCounted(Violations.PAYOUT_STUCK, 3);
  }

  @Test
  void countsPayoutsAndAccountsWithoutTheirEvents() {
    Document held = payout(activeSeller(now.minusSeconds(300)), "HELD", now.plusSeconds(60));
    String gap = id();
    store("orders", gap, order(id(), "COMPLETE", now));
    record(PAYOUTS, PAYOUTS, gap, List.of(scheduled(held)));
    insertSnapshot(PAYOUTS, PAYOUTS, gap, 2, held);
    String differs = id();
    account(differs, "ONBOARDING", now.minusSeconds(60));
    insertSnapshot(PAYOUTS, "accounts", differs, 0, new Document("status", "ACTIVE"));

    assertCounted(Violations.MISSING_EVENTS, 2);
  }

  @Test
  void countsAnEmailSentTwiceByTheStoreOrByTheMailServer() {
    email("sold-" + id(), "EmailClaimed", "EmailSent", "EmailSent");
    String receipt = "receipt-" + id();
    email(receipt, "EmailClaimed", "EmailClaimed", "EmailSent");
    received(receipt);
    received(receipt);

    assertCounted(Violations.EMAIL_TWICE, 2);
  }

  @Test
  void countsEmailsLostOrStuckPastTheGraceOnly() {
    closedOrder("EXPIRED", now.minusSeconds(121));
    closedOrder("EXPIRED", now.minusSeconds(119));
    closedOrder("CANCELLED", now.minusSeconds(121));
    String declined = closedOrder("PAYMENT_FAILED", now.minusSeconds(121));
    email("declined-" + declined, "EmailClaimed");
    String sentOnlyPerTheStore = closedOrder("EXPIRED", now.minusSeconds(121));
    email("expired-" + sentOnlyPerTheStore, "EmailClaimed", "EmailSent");
    String sent = closedOrder("PAYMENT_FAILED", now.minusSeconds(121));
    email("declined-" + sent, "EmailClaimed", "EmailSent");
    received("declined-" + sent);
    Document held = payout(activeSeller(now.minusSeconds(300)), "HELD", now.minusSeconds(150));
    String paidAgain =
        sale(
            scheduled(held), sent(with(paid(held, now.minusSeconds(121), "tr_2"), "transfers", 2)));

    assertCounted(Violations.EMAIL_STUCK, 4);
  }

  /** The checker counts {@code count} violations of {@code kind}, and none of any other. */
  private void assertCounted(String kind, long count) {
    var counts =
        new HashMap<>(new InvariantChecker(stores, temporal, () -> mailServer).check(now).counts());
    counts.values().removeIf(n -> n == 0);
    assertThat(counts).isEqualTo(Map.of(kind, count));
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

  /** The payout of a sale: the charge of 20.00 less the fee of 2.00, to be paid at releaseAt. */
  private static Document payout(String seller, String status, Instant releaseAt) {
    return new Document("sellerId", seller)
        .append("charge", 2_000L)
        .append("fee", 200L)
        .append("amount", 1_800L)
        .append("currency", "usd")
        .append("status", status)
        .append("releaseAt", Date.from(releaseAt));
  }

  private static Document paid(Document payout, Instant at, String transferId) {
    return with(payout, "status", "PAID")
        .append("paidAt", Date.from(at))
        .append("transferId", transferId);
  }

  private static Document with(Document fields, String name, Object value) {
    return new Document(fields).append(name, value);
  }

  private static Change sent(Document paid) {
    return change("PayoutSent", paid.getDate("paidAt").toInstant(), paid);
  }

  /** Scheduled 10 s before its release, or before the check when it is released later. */
  private Change scheduled(Document held) {
    Instant releaseAt = held.getDate("releaseAt").toInstant();
    Instant before = releaseAt.isBefore(now) ? releaseAt : now;
    return change("PayoutScheduled", before.minusSeconds(10), held);
  }

  /** A payout released into no account, at {@code releaseAt}. */
  private Change[] awaiting(String seller, Instant releaseAt) {
    Document held = payout(seller, "HELD", releaseAt);
    return new Change[] {
      scheduled(held),
      change("PayoutAwaitingAccount", releaseAt, with(held, "status", "AWAITING_ACCOUNT"))
    };
  }

  /** A complete order (the event that completed it recorded at {@code at}) without a payout. */
  private void completeOrder(Instant at) {
    record("orders", "orders", id(), List.of(change("Changed", at, order(id(), "COMPLETE", now))));
  }

  /**
   * A complete order, its payout, which went through {@code changes}, and the seller's email of the
   * sale; returns the order id.
   */
  private String sale(Change... changes) {
    String order = id();
    store("orders", order, order(id(), "COMPLETE", now));
    record(PAYOUTS, PAYOUTS, order, List.of(changes));
    email("sold-" + order, "EmailClaimed", "EmailSent");
    received("sold-" + order);
    return order;
  }

  /** An order cancelled for {@code reason} at {@code at}; returns its id. */
  private String closedOrder(String reason, Instant at) {
    String order = id();
    Document cancelled = order(id(), "CANCELLED", at).append("cancellationReason", reason);
    record("orders", "orders", order, List.of(change("OrderCancelled", at, cancelled)));
    return order;
  }

  /** The email of {@code key}: one event of each type, a minute ago. */
  private void email(String key, String... types) {
    List<Change> changes = new ArrayList<>();
    for (String type : types) {
      String status = type.equals("EmailSent") ? "SENT" : "SENDING";
      changes.add(change(type, now.minusSeconds(60), new Document("status", status)));
    }
    record(NOTIFICATIONS, "emails", key, changes);
  }

  /** A message the mail server received, under the Message-ID the workers give the key's email. */
  private void received(String key) {
    mailServer.add(key + "@" + BenchStack.PUBLIC_URL.getHost());
  }

  /** A seller whose payout account is active since {@code since}. */
  private String activeSeller(Instant since) {
    String seller = id();
    account(seller, "ACTIVE", since);
    return seller;
  }

  private void account(String seller, String status, Instant since) {
    var opened = new Document("accountId", "acct_" + seller).append("status", status);
    record(PAYOUTS, "accounts", seller, List.of(change("AccountOpened", since, opened)));
  }

  /** One event: its type, when it was recorded, and the state it left. */
  private record Change(String type, Instant at, Document fields) {}

  private static Change change(String type, Instant at, Document fields) {
    return new Change(type, at, fields);
  }

  /** An aggregate whose states are versions 0, 1, ...: one event each, the snapshot at the last. */
  private void store(String domain, String id, Document... states) {
    List<Change> changes = new ArrayList<>();
    for (int version = 0; version < states.length; version++) {
      boolean sold = version > 0 && states[version].get("status").equals("SOLD");
      changes.add(change(sold ? "TicketSold" : "Changed", Instant.now(), states[version]));
    }
    record(domain, domain, id, changes);
  }

  /**
   * An aggregate of {@code collection} in {@code domain}: one event per change, then its snapshot.
   */
  private void record(String domain, String collection, String id, List<Change> changes) {
    for (int version = 0; version < changes.size(); version++) {
      Change change = changes.get(version);
      client
          .getDatabase(domain)
          .getCollection("events")
          .insertOne(
              new Document("_id", id + ":" + version)
                  .append("type", change.type())
                  .append("aggregateId", id)
                  .append("version", (long) version)
                  .append("at", Date.from(change.at()))
                  .append("state", state(id, version, change.fields())));
    }
    insertSnapshot(domain, collection, id, changes.size() - 1, changes.getLast().fields());
  }

  private void insertSnapshot(
      String domain, String collection, String id, long version, Document fields) {
    var snapshots = client.getDatabase(domain).getCollection(collection);
    snapshots.deleteOne(new Document("_id", documentId(id)));
    snapshots.insertOne(state(id, version, fields));
  }

  private static Document state(String id, long version, Document fields) {
    Document state = new Document("_id", documentId(id)).append("version", version);
    state.putAll(fields);
    return state;
  }

  /** Most aggregates are stored under an ObjectId; emails under their key. */
  private static Object documentId(String id) {
    return ObjectId.isValid(id) ? new ObjectId(id) : id;
  }
}
