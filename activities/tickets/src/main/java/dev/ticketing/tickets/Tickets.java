package dev.ticketing.tickets;

import static dev.ticketing.workflows.Rejection.NOT_FOUND;
import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.domain.Sort.Direction.DESC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.ticketing.store.AttemptDeadline;
import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.Event;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/** The tickets store: every change is one claimed event ({@code TicketCreated}, ...). */
public final class Tickets extends DomainStore {

  private static final String ATTEMPTS = "reservationAttempts";
  // How long an attempt stands for its order: longer than the API waits for a reservation.
  private static final Duration ATTEMPT_LASTS = Duration.ofSeconds(45);
  // Each further round follows an attempt that lapsed, at least ATTEMPT_LASTS apart.
  private static final int MAX_ROUNDS = 1_000;

  /**
   * The order that may try to reserve a ticket at one version, in one round: the first to ask. Its
   * id is {@code <ticketId>:<version>:<round>}, so of many who ask, one insert lands.
   */
  public record Attempt(String id, OrderId orderId, Instant at) {}

  private final VersionedStore<Ticket> store;
  private final Clock clock;

  public Tickets(DomainDatabase database, Clock clock) {
    super(database, "tickets");
    this.store =
        new VersionedStore<>(
            database,
            "tickets",
            Ticket.class,
            events,
            new Index().on("status", ASC).on("createdAt", DESC).on("_id", DESC));
    this.clock = clock;
  }

  public Ticket list(UserId seller, String title, Price price, @Nullable Instant eventAt) {
    return store.create(
        Ticket.listed(seller, title, price, eventAt, clock.instant()), "TicketCreated");
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

  public Ticket edit(TicketId id, UserId editor, Ticket.Edit edit, @Nullable Long expectedVersion) {
    return change(id, "TicketUpdated", t -> t.edit(editor, edit, expectedVersion), null);
  }

  public Ticket reserve(TicketId id, OrderId order, UserId buyer) {
    return reserve(id, order, buyer, null, Instant.MAX);
  }

  /**
   * Holds the ticket for the order, starting from the ticket as the buyer's request found it when
   * given: the change then costs no read, unless that one is no longer the latest. Not once {@code
   * notAfter} has passed, checked as each claim is about to be sent ({@link AttemptDeadline}).
   */
  public Ticket reserve(
      TicketId id, OrderId order, UserId buyer, @Nullable Ticket seen, Instant notAfter) {
    Instant now = clock.instant();
    return change(
        id,
        "TicketReserved",
        t -> {
          AttemptDeadline.ensureBefore(notAfter);
          return t.reserveFor(order, buyer, now);
        },
        seen);
  }

  /** Every ticket, for a read model that keeps them all; one scan, so at start, not per request. */
  public Stream<Ticket> all() {
    return store.stream(new Query());
  }

  public Ticket release(TicketId id, OrderId order) {
    return change(id, "TicketReleased", t -> t.release(order), null);
  }

  public Ticket markSold(TicketId id, OrderId order) {
    return change(id, "TicketSold", t -> t.markSold(order), null);
  }

  /**
   * The attempt to reserve the ticket at this version that stands: this order's, if none does yet,
   * else the one that came first. An attempt stands until its order's reservation ends it (the
   * ticket's version moves on), it is {@link #abandon abandoned}, or {@link #ATTEMPT_LASTS} passes.
   * Buyers across every API process ask here before any workflow starts.
   */
  public Attempt attempt(TicketId ticket, long version, OrderId order) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      var mine = new Attempt(ticket + ":" + version + ":" + round, order, clock.instant());
      try {
        database.template().insert(mine, ATTEMPTS);
        return mine;
      } catch (DuplicateKeyException taken) {
        Attempt standing = database.template().findById(mine.id(), Attempt.class, ATTEMPTS);
        if (standing != null && standing.at().isAfter(clock.instant().minus(ATTEMPT_LASTS))) {
          return standing;
        }
      }
    }
    throw new ConcurrencyFailureException("Too many lapsed attempts to reserve " + ticket);
  }

  /** Ends an attempt whose reservation failed, so the next buyer may try at once. */
  public void abandon(Attempt attempt) {
    database.template().remove(Query.query(where("_id").is(attempt.id())), ATTEMPTS);
  }

  /** The ticket as one of its events left it. */
  public Ticket ticketAfter(Event event) {
    return store.stateAfter(event);
  }

  private Ticket change(
      TicketId id, String event, UnaryOperator<Ticket> transition, @Nullable Ticket seen) {
    if (!ObjectId.isValid(id.value())) {
      throw NOT_FOUND.failure("Not Found");
    }
    return store
        .change(id, event, transition, seen)
        .orElseThrow(() -> NOT_FOUND.failure("Not Found"));
  }
}
