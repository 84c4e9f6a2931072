package dev.ticketing.orders;

import dev.ticketing.store.AttemptDeadline;
import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.orders.CancellationReason;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderActivities;
import org.jspecify.annotations.Nullable;

public class OrderActivitiesImpl implements OrderActivities {

  private final Orders orders;

  public OrderActivitiesImpl(Orders orders) {
    this.orders = orders;
  }

  @Override
  public Order create(Order order) {
    AttemptDeadline.ensureBefore(AttemptDeadline.ofThisAttempt()); // its claim is the next write
    return orders.create(order);
  }

  @Override
  public Order startPayment(OrderId orderId) {
    return orders.startPayment(orderId).orElseThrow(() -> unknown(orderId));
  }

  @Override
  public Order complete(OrderId orderId, PaymentId paymentId) {
    return orders.complete(orderId).orElseThrow(() -> unknown(orderId));
  }

  @Override
  public @Nullable Order cancel(OrderId orderId, CancellationReason reason) {
    return orders.cancel(orderId, reason).orElse(null);
  }

  private static IllegalStateException unknown(OrderId orderId) {
    return new IllegalStateException("No order " + orderId + " in the orders store");
  }
}
