package dev.ticketing.payments;

import java.util.Map;

/** The charge the gateway tests ask for: $19.99 for order 1, first attempt. */
final class ChargeOrders {

  private ChargeOrders() {}

  static PaymentGateway.ChargeOrder paidWith(String paymentMethod) {
    return new PaymentGateway.ChargeOrder(
        1999,
        "usd",
        paymentMethod,
        "order-1-charge-1",
        Map.of(
            "orderId", "5f00000000000000000000b1",
            "ticketId", "5f00000000000000000000a1",
            "buyerId", "5f0000000000000000000002"));
  }
}
