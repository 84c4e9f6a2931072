package dev.ticketing.orders;

import static com.mongodb.client.model.Filters.eq;

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
import dev.ticketing.workflows.orders.CancellationReason;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderStatus;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.Document;
import org.bson.types.ObjectId;

/** The orders store: every transition is one claimed event ({@code OrderCreated}, ...). */
public final class Orders implements DomainStore, AutoCloseable {

  private final DomainDatabase database;
  private final EventLog events;
  private final VersionedStore<Order> store;

  public Orders(DomainDatabase database) {
    this.database = database;
    this.events = new EventLog(database);
    this.store =
        new VersionedStore<>(
            database,
            "orders",
            new OrderMapping(),
            events,
            Indexes.ascending("userId", "createdAt", "_id"));
  }

  /** Stores a new order; storing it again answers the one stored. */
  public Order create(Order order) {
    return store.create(order, "OrderCreated");
  }

  public Optional<Order> startPayment(OrderId id) {
    return change(id, "OrderPaymentStarted", Order::startPayment);
  }

  public Optional<Order> complete(OrderId id) {
    return change(id, "OrderCompleted", Order::complete);
  }

  public Optional<Order> cancel(OrderId id, CancellationReason reason) {
    String event = reason == CancellationReason.EXPIRED ? "OrderExpired" : "OrderCancelled";
    return change(id, event, order -> order.cancelled(reason));
  }

  /** The order with this id; empty for an unknown id or one that is not an ObjectId at all. */
  public Optional<Order> find(String id) {
    return ObjectId.isValid(id) ? store.find(new ObjectId(id)) : Optional.empty();
  }

  /** A buyer's orders, oldest first. */
  public List<Order> ofBuyer(UserId buyer) {
    return store.query(
        eq("userId", buyer.value()), Sorts.ascending("createdAt", "_id"), 0, Integer.MAX_VALUE);
  }

  /** The order as one of its events left it. */
  public Order orderAfter(Event event) {
    return store.stateAfter(event);
  }

  public EventLog events() {
    return events;
  }

  @Override
  public String domain() {
    return "orders";
  }

  @Override
  public boolean isReachable() {
    return database.ping();
  }

  @Override
  public void close() {
    database.close();
  }

  private Optional<Order> change(OrderId id, String event, UnaryOperator<Order> transition) {
    return store.change(new ObjectId(id.value()), event, transition);
  }

  private static final class OrderMapping implements VersionedStore.Mapping<Order> {
    @Override
    public Object id(Order order) {
      return new ObjectId(order.id().value());
    }

    @Override
    public long version(Order order) {
      return order.version();
    }

    @Override
    public Document toDocument(Order order) {
      Order.Ticket ticket = order.ticket();
      CancellationReason reason = order.cancellationReason();
      return new Document("userId", order.userId().value())
          .append("status", order.status().value())
          .append("expiresAt", Date.from(order.expiresAt()))
          .append(
              "ticket",
              new Document("id", ticket.id().value())
                  .append("title", ticket.title())
                  .append("price", ticket.price().cents())
                  .append("version", ticket.version()))
          .append("cancellationReason", reason == null ? null : reason.value())
          .append("createdAt", Date.from(order.createdAt()));
    }

    @Override
    public Order fromDocument(Document document) {
      Document ticket = document.get("ticket", Document.class);
      String reason = document.getString("cancellationReason");
      return new Order(
          new OrderId(document.getObjectId("_id").toHexString()),
          new UserId(document.getString("userId")),
          OrderStatus.of(document.getString("status")),
          document.getDate("expiresAt").toInstant(),
          document.get("version", Number.class).longValue(),
          new Order.Ticket(
              new TicketId(ticket.getString("id")),
              ticket.getString("title"),
              new Price(ticket.get("price", Number.class).longValue()),
              ticket.get("version", Number.class).longValue()),
          reason == null ? null : CancellationReason.of(reason),
          document.getDate("createdAt").toInstant());
    }
  }
}
