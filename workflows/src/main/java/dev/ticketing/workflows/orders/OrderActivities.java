package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import io.temporal.activity.ActivityInterface;
import org.jspecify.annotations.Nullable;

/**
 * The orders store, as the order workflow uses it. Every method records its event and is safe to
 * retry; each returns the order as stored.
 */
@ActivityInterface(namePrefix = "Order")
public interface OrderActivities {

  /** Stores a new order, status {@code created}; records {@code OrderCreated}. */
  Order create(Order order);

  /** Moves the order to {@code awaiting:payment} while its charge runs. */
  Order startPayment(OrderId orderId);

  /** Moves the order to {@code complete}, paid by {@code paymentId}. */
  Order complete(OrderId orderId, PaymentId paymentId);

  /**
   * Moves an open order to {@code cancelled}, recording {@code OrderExpired} or {@code
   * OrderCancelled}; an unknown or closed order is left alone.
   */
  @Nullable Order cancel(OrderId orderId, CancellationReason reason);
}
