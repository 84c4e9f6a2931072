package dev.ticketing.workflows.orders;

import static dev.ticketing.workflows.Wording.timeOfDay;

/** What the Temporal Web UI says of an order, in words. */
final class OrderWording {

  private OrderWording() {}

  static String paymentWindow(Order order) {
    return "Payment window, until " + timeOfDay(order.expiresAt());
  }

  /** As the order is recorded: {@code expired}, {@code cancelled}. */
  static String cancelled(CancellationReason reason) {
    return switch (reason) {
      case EXPIRED -> "expired";
      case CANCELLED -> "cancelled";
      case PAYMENT_FAILED -> "cancelled, its payment failed";
    };
  }
}
