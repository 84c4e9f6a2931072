package dev.ticketing.tickets;

import static com.mongodb.client.model.Filters.eq;
import static dev.ticketing.workflows.Rejection.NOT_FOUND;

import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.Event;
import dev.ticketing.store.EventLog;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;

/** The tickets store: every change is one claimed event ({@code TicketCreated}, ...). */
public final class Tickets implements DomainStore, AutoCloseable {

  private final DomainDatabase database;
  private final EventLog events;
  private final VersionedStore<Ticket> store;
  private final Clock clock;

  public Tickets(DomainDatabase database, Clock clock) {
    this.database = database;
    this.events = new EventLog(database);
    this.store =
        new VersionedStore<>(
            database,
            "tickets",
            new TicketMapping(),
            events,
            Indexes.compoundIndex(
                Indexes.ascending("status"), Indexes.descending("createdAt", "_id")));
    this.clock = clock;
  }

  public Ticket list(UserId seller, String title, Price price) {
    return store.create(Ticket.listed(seller, title, price, clock.instant()), "TicketCreated");
  }

  /** The ticket with this id; empty for an unknown id or one that is not an ObjectId at all. */
  public Optional<Ticket> find(String id) {
    return ObjectId.isValid(id) ? store.find(new ObjectId(id)) : Optional.empty();
  }

  /** Tickets for sale, newest first. */
  public List<Ticket> available(int limit, int offset) {
    return store.query(
        eq("status", TicketStatus.AVAILABLE.value()),
        Sorts.descending("createdAt", "_id"),
        offset,
        limit);
  }

  public Ticket edit(
      TicketId id, UserId editor, String title, Price price, @Nullable Long expectedVersion) {
    return change(id, "TicketUpdated", t -> t.edit(editor, title, price, expectedVersion));
  }

  public Ticket reserve(TicketId id, OrderId order, UserId buyer) {
    return change(id, "TicketReserved", t -> t.reserveFor(order, buyer));
  }

  public Ticket release(TicketId id, OrderId order) {
    return change(id, "TicketReleased", t -> t.release(order));
  }

  public Ticket markSold(TicketId id, OrderId order) {
    return change(id, "TicketSold", t -> t.markSold(order));
  }

  /** The ticket as one of its events left it. */
  public Ticket ticketAfter(Event event) {
    return store.stateAfter(event);
  }

  public EventLog events() {
    return events;
  }

  @Override
  public String domain() {
    return "tickets";
  }

  @Override
  public boolean isReachable() {
    return database.ping();
  }

  @Override
  public void close() {
    database.close();
  }

  private Ticket change(TicketId id, String event, UnaryOperator<Ticket> transition) {
    if (!ObjectId.isValid(id.value())) {
      throw NOT_FOUND.failure("Not Found");
    }
    return store
        .change(new ObjectId(id.value()), event, transition)
        .orElseThrow(() -> NOT_FOUND.failure("Not Found"));
  }

  private static final class TicketMapping implements VersionedStore.Mapping<Ticket> {
    @Override
    public Object id(Ticket ticket) {
      return new ObjectId(ticket.id().value());
    }

    @Override
    public long version(Ticket ticket) {
      return ticket.version();
    }

    @Override
    public Document toDocument(Ticket ticket) {
      return new Document("title", ticket.title())
          .append("price", ticket.price().cents())
          .append("userId", ticket.userId().value())
          .append("orderId", ticket.orderId() == null ? null : ticket.orderId().value())
          .append("status", ticket.status().value())
          .append("createdAt", Date.from(ticket.createdAt()));
    }

    @Override
    public Ticket fromDocument(Document document) {
      String orderId = document.getString("orderId");
      return new Ticket(
          new TicketId(document.getObjectId("_id").toHexString()),
          document.getString("title"),
          new Price(document.get("price", Number.class).longValue()),
          new UserId(document.getString("userId")),
          document.get("version", Number.class).longValue(),
          orderId == null ? null : new OrderId(orderId),
          TicketStatus.of(document.getString("status")),
          document.getDate("createdAt").toInstant());
    }
  }
}
