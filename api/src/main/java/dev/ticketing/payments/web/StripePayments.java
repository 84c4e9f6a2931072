package dev.ticketing.payments.web;

import dev.ticketing.orders.Orders;
import dev.ticketing.orders.web.OrderWorkflows;
import dev.ticketing.payments.Payment;
import dev.ticketing.payments.PaymentStatus;
import dev.ticketing.payments.Payments;
import dev.ticketing.workflows.orders.Order;
import dev.ticketing.workflows.orders.OrderStatus;
import dev.ticketing.workflows.payments.StripePayment;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a payment Stripe reports becomes: applied by its order's workflow while the order is open;
 * refunded once the order is closed, unless it is the very payment that completed the order.
 */
@Component
class StripePayments {

  private static final Logger log = LoggerFactory.getLogger(StripePayments.class);

  private final Orders orders;
  private final Payments payments;
  private final OrderWorkflows workflows;

  StripePayments(Orders orders, Payments payments, OrderWorkflows workflows) {
    this.orders = orders;
    this.payments = payments;
    this.workflows = workflows;
  }

  void settle(StripePayment payment) {
    Optional<Order> order = orders.find(payment.orderId().value());
    if (order.isEmpty()) {
      log.warn(
          "Stripe reports {} for order {}, which is not ours",
          payment.paymentIntentId(),
          payment.orderId());
      return;
    }
    if (!order.get().status().isClosed() && workflows.paymentSucceeded(payment)) {
      return;
    }
    boolean paidTheOrder =
        orders.find(payment.orderId().value()).orElseThrow().status() == OrderStatus.COMPLETE
            && payments
                .find(Payment.idFor(payment.paymentIntentId()))
                .filter(p -> p.status() == PaymentStatus.SUCCEEDED)
                .isPresent();
    if (!paidTheOrder) {
      workflows.refund(payment);
    }
  }
}
