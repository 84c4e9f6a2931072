package dev.ticketing.workflows;

import java.util.List;

/** The task queues; each domain's activities run on its own, so each can be scaled alone. */
public final class TaskQueues {
  public static final String ORDERS = "orders";
  public static final String TICKETS = "tickets";
  public static final String PAYMENTS = "payments";
  public static final String PAYOUTS = "payouts";
  public static final String NOTIFICATIONS = "notifications";
  public static final List<String> ALL = List.of(ORDERS, TICKETS, PAYMENTS, PAYOUTS, NOTIFICATIONS);

  private TaskQueues() {}
}
