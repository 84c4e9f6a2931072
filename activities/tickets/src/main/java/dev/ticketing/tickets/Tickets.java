package dev.ticketing.tickets;

import static dev.ticketing.workflows.Rejection.NOT_FOUND;
import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

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
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

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
            Ticket.class,
            events,
            new Index().on("status", ASC).on("createdAt", DESC).on("_id", DESC));
    this.clock = clock;
  }

  public Ticket list(UserId seller, String title, Price price) {
    return store.create(Ticket.listed(seller, title, price, clock.instant()), "TicketCreated");
  }

  /** The ticket with this id; empty for an unknown id or one that is not an ObjectId at all. */
  public Optional<Ticket> find(String id) {
    return ObjectId.isValid(id) ? store.find(new TicketId(id)) : Optional.empty();
  }

  /** Tickets for sale, newest first. */
  public List<Ticket> available(int limit, int offset) {
    return store.query(
        Query.query(where("status").is(TicketStatus.AVAILABLE))
            .with(Sort.by(DESC, "createdAt", "_id"))
            .skip(offset)
            .limit(limit));
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
    return store.change(id, event, transition).orElseThrow(() -> NOT_FOUND.failure("Not Found"));
  }
}
