package dev.ticketing.payments;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.EventLog;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.UserId;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The payments store: {@code PaymentCreated}, {@code PaymentFailed}, {@code PaymentRefunded}. */
public final class Payments implements DomainStore, AutoCloseable {

  private final DomainDatabase database;
  private final EventLog events;
  private final VersionedStore<Payment> store;
  private final MongoCollection<Document> webhookEvents;

  public Payments(DomainDatabase database) {
    this.database = database;
    this.events = new EventLog(database);
    this.store =
        new VersionedStore<>(
            database,
            "payments",
            new PaymentMapping(),
            events,
            Indexes.ascending("orderId", "createdAt", "_id"));
    this.webhookEvents = database.collection("webhookEvents");
  }

  /** Stores a payment; storing it again answers the one stored. */
  public Payment record(Payment payment) {
    String event = payment.status() == PaymentStatus.FAILED ? "PaymentFailed" : "PaymentCreated";
    return store.create(payment, event);
  }

  public Optional<Payment> refund(PaymentId id) {
    return store.change(new ObjectId(id.value()), "PaymentRefunded", Payment::refunded);
  }

  public Optional<Payment> find(PaymentId id) {
    return store.find(new ObjectId(id.value()));
  }

  /** The payments made for an order, oldest first. */
  public List<Payment> forOrder(OrderId order) {
    return store.query(
        eq("orderId", order.value()), Sorts.ascending("createdAt", "_id"), 0, Integer.MAX_VALUE);
  }

  /** Whether a Stripe event was acted on already: Stripe may deliver an event more than once. */
  public boolean handled(String stripeEventId) {
    return webhookEvents.find(eq("_id", stripeEventId)).first() != null;
  }

  /**
   * Remembers that a Stripe event was acted on. Only after acting: a crash in between makes
   * Stripe's next delivery act again, which every step behind it takes as a repeat.
   */
  public void markHandled(String stripeEventId) {
    try {
      webhookEvents.insertOne(new Document("_id", stripeEventId).append("handledAt", new Date()));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
    }
  }

  public EventLog events() {
    return events;
  }

  @Override
  public String domain() {
    return "payments";
  }

  @Override
  public boolean isReachable() {
    return database.ping();
  }

  @Override
  public void close() {
    database.close();
  }

  private static final class PaymentMapping implements VersionedStore.Mapping<Payment> {
    @Override
    public Object id(Payment payment) {
      return new ObjectId(payment.id().value());
    }

    @Override
    public long version(Payment payment) {
      return payment.version();
    }

    @Override
    public Document toDocument(Payment payment) {
      return new Document("orderId", payment.orderId().value())
          .append("userId", payment.userId().value())
          .append("stripeId", payment.stripeId())
          .append("amount", payment.amount())
          .append("currency", payment.currency())
          .append("status", payment.status().value())
          .append("createdAt", Date.from(payment.createdAt()));
    }

    @Override
    public Payment fromDocument(Document document) {
      return new Payment(
          new PaymentId(document.getObjectId("_id").toHexString()),
          new OrderId(document.getString("orderId")),
          new UserId(document.getString("userId")),
          document.getString("stripeId"),
          document.get("amount", Number.class).longValue(),
          document.getString("currency"),
          PaymentStatus.of(document.getString("status")),
          document.getDate("createdAt").toInstant(),
          document.get("version", Number.class).longValue());
    }
  }
}
