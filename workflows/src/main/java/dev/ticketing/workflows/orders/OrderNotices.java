package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.notifications.Notice;
import dev.ticketing.workflows.notifications.NoticeKind;
import org.jspecify.annotations.Nullable;

/** The buyer's emails of an order, each keyed by the one event it tells of. */
final class OrderNotices {

  private OrderNotices() {}

  /** The receipt of a completed order. */
  static Notice receipt(Order order) {
    return toBuyer("receipt-", NoticeKind.RECEIPT, order);
  }

  /** Why the order closed unpaid, if the buyer is to hear of it: not when they cancelled it. */
  static @Nullable Notice closed(Order order, CancellationReason reason) {
    return switch (reason) {
      case EXPIRED -> toBuyer("expired-", NoticeKind.ORDER_EXPIRED, order);
      case PAYMENT_FAILED -> toBuyer("declined-", NoticeKind.PAYMENT_DECLINED, order);
      case CANCELLED -> null;
    };
  }

  private static Notice toBuyer(String event, NoticeKind kind, Order order) {
    Order.Ticket ticket = order.ticket();
    return new Notice(
        event + order.id(),
        kind,
        order.userId(),
        order.id(),
        ticket.id(),
        ticket.title(),
        ticket.price().cents(),
        Price.CURRENCY,
        null,
        false);
  }
}
