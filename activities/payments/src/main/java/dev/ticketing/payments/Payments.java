package dev.ticketing.payments;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/** The payments store: {@code PaymentCreated}, {@code PaymentFailed}, {@code PaymentRefunded}. */
public final class Payments extends DomainStore {

  private static final String WEBHOOK_EVENTS = "webhookEvents";

  /** A Stripe event that was acted on. */
  record HandledEvent(String id, Instant handledAt) {}

  private final VersionedStore<Payment> store;
  private final MongoTemplate template;

  public Payments(DomainDatabase database) {
    super(database, "payments");
    this.store =
        new VersionedStore<>(
            database,
            "payments",
            Payment.class,
            events,
            new Index().on("orderId", ASC).on("createdAt", ASC).on("_id", ASC));
    this.template = database.template();
  }

  /** Stores a payment; storing it again answers the one stored. */
  public Payment record(Payment payment) {
    String event = payment.status() == PaymentStatus.FAILED ? "PaymentFailed" : "PaymentCreated";
    return store.create(payment, event);
  }

  public Optional<Payment> refund(PaymentId id) {
    return store.change(id, "PaymentRefunded", Payment::refunded);
  }

  public Optional<Payment> find(PaymentId id) {
    return store.find(id);
  }

  /** The payments made for an order, oldest first. */
  public List<Payment> forOrder(OrderId order) {
    return store.query(
        Query.query(where("orderId").is(order)).with(Sort.by(ASC, "createdAt", "_id")));
  }

  /** Whether a Stripe event was acted on already: Stripe may deliver an event more than once. */
  public boolean handled(String stripeEventId) {
    return template.exists(Query.query(where("_id").is(stripeEventId)), WEBHOOK_EVENTS);
  }

  /**
   * Remembers that a Stripe event was acted on. Only after acting: a crash in between makes
   * Stripe's next delivery act again, which every step behind it takes as a repeat.
   */
  public void markHandled(String stripeEventId) {
    try {
      template.insert(new HandledEvent(stripeEventId, Instant.now()), WEBHOOK_EVENTS);
    } catch (DuplicateKeyException repeated) {
      // another delivery of the event was handled at the same time
    }
  }
}
