package dev.ticketing.orders;

import static org.springframework.data.domain.Sort.Direction.ASC;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import dev.ticketing.store.DomainDatabase;
import dev.ticketing.store.DomainStore;
import dev.ticketing.store.Event;
import dev.ticketing.store.VersionedStore;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.orders.CancellationReason;
import dev.ticketing.workflows.orders.Order;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;

/** The orders store: every transition is one claimed event ({@code OrderCreated}, ...). */
public final class Orders extends DomainStore {

  private final VersionedStore<Order> store;

  public Orders(DomainDatabase database) {
    super(database, "orders");
    this.store =
        new VersionedStore<>(
            database,
            "orders",
            Order.class,
            events,
            new Index().on("userId", ASC).on("createdAt", ASC).on("_id", ASC));
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
    return ObjectId.isValid(id) ? store.find(new OrderId(id)) : Optional.empty();
  }

  /** A buyer's orders, oldest first. */
  public List<Order> ofBuyer(UserId buyer) {
    return store.query(
        Query.query(where("userId").is(buyer)).with(Sort.by(ASC, "createdAt", "_id")));
  }

  /** The order as one of its events left it. */
  public Order orderAfter(Event event) {
    return store.stateAfter(event);
  }

  private Optional<Order> change(OrderId id, String event, UnaryOperator<Order> transition) {
    return store.change(id, event, transition);
  }
}
