package dev.ticketing.bench.chaos;

import dev.ticketing.bench.stack.TemporalConnection;
import dev.ticketing.bench.stores.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.bson.Document;
import org.jspecify.annotations.Nullable;

/**
 * Reads every store and Temporal, and counts what must never be: a ticket sold twice, money taken
 * for nothing, an order left open, a ticket held by an order that is over, a change without its
 * event, a workflow that never ended, a seller paid twice, early, out of a frozen payout or not at
 * all ({@link PayoutChecks}), and an email sent twice or not at all ({@link EmailChecks}).
 */
public final class InvariantChecker {

  /** How long after {@code expiresAt} an open order is a violation. */
  public static final Duration GRACE = Duration.ofSeconds(30);

  private static final Set<String> OPEN = Set.of("CREATED", "AWAITING_PAYMENT");

  private final Stores stores;
  private final TemporalConnection temporal;
  private final Supplier<List<String>> mailServer;

  /** {@code mailServer}: the Message-ID of each email the mail server received, a repeat again. */
  public InvariantChecker(
      Stores stores, TemporalConnection temporal, Supplier<List<String>> mailServer) {
    this.stores = stores;
    this.temporal = temporal;
    this.mailServer = mailServer;
  }

  public Violations check(Instant now) {
    var violations = new Violations();
    Map<String, Aggregate> tickets = Aggregate.all(stores, "tickets");
    Map<String, Aggregate> orders = Aggregate.all(stores, "orders");
    Map<String, Aggregate> payments = Aggregate.all(stores, "payments");
    PayoutChecks payouts = PayoutChecks.read(stores, orders);
    EmailChecks emails = EmailChecks.read(stores, payouts, mailServer.get());
    missingEvents("users", Aggregate.all(stores, "users"), violations);
    missingEvents("tickets", tickets, violations);
    missingEvents("orders", orders, violations);
    missingEvents("payments", payments, violations);
    missingEvents("payouts", payouts.payouts(), violations);
    missingEvents("payouts account", payouts.accounts(), violations);
    missingEvents("notifications", emails.emails(), violations);
    soldTwice(tickets, orders, violations);
    charges(payments, orders, violations);
    openOrders(orders, now, violations);
    heldTickets(tickets, orders, violations);
    runningWorkflows(orders, now, violations);
    payouts.check(now, violations);
    emails.check(now, violations);
    return violations;
  }

  private static void missingEvents(
      String domain, Map<String, Aggregate> aggregates, Violations violations) {
    aggregates
        .values()
        .forEach(aggregate -> {
          String problem = aggregate.historyProblem();
          if (problem != null) {
            violations.add(
                Violations.MISSING_EVENTS, domain + " " + aggregate.id() + ": " + problem);
          }
        });
  }

  private static void soldTwice(
      Map<String, Aggregate> tickets, Map<String, Aggregate> orders, Violations violations) {
    tickets.values().stream()
        .filter(ticket -> ticket.count("TicketSold") > 1)
        .forEach(ticket ->
            violations.add(
                Violations.SOLD_TWICE,
                "ticket "
                    + ticket.id()
                    + " has "
                    + ticket.count("TicketSold")
                    + " TicketSold events"));
    Map<String, List<String>> completeByTicket = new HashMap<>();
    orders.values().stream()
        .filter(order -> "COMPLETE".equals(order.field("status")))
        .forEach(order ->
            completeByTicket
                .computeIfAbsent(ticketOf(order), t -> new ArrayList<>())
                .add(order.id()));
    completeByTicket.forEach((ticket, complete) -> {
      if (complete.size() > 1) {
        violations.add(Violations.SOLD_TWICE, "ticket " + ticket + " paid by orders " + complete);
      }
    });
  }

  private static void charges(
      Map<String, Aggregate> payments, Map<String, Aggregate> orders, Violations violations) {
    Map<String, List<String>> succeededByOrder = new HashMap<>();
    for (Aggregate payment : payments.values()) {
      if (!"SUCCEEDED".equals(payment.field("status"))) {
        continue;
      }
      String orderId = payment.field("orderId");
      Aggregate order = orderId == null ? null : orders.get(orderId);
      if (order == null || !"COMPLETE".equals(order.field("status"))) {
        violations.add(
            Violations.CHARGES_WITHOUT_ORDER,
            "payment "
                + payment.id()
                + " for order "
                + orderId
                + " ("
                + (order == null ? "unknown" : order.field("status"))
                + ")");
      } else {
        succeededByOrder.computeIfAbsent(orderId, o -> new ArrayList<>()).add(payment.id());
      }
    }
    succeededByOrder.forEach((order, paid) -> {
      for (String extra : paid.subList(1, paid.size())) {
        violations.add(
            Violations.CHARGES_WITHOUT_ORDER,
            "payment " + extra + " charged order " + order + " again (" + paid + ")");
      }
    });
  }

  private static void openOrders(
      Map<String, Aggregate> orders, Instant now, Violations violations) {
    for (Aggregate order : orders.values()) {
      Instant expiresAt = expiresAt(order);
      if (OPEN.contains(order.field("status"))
          && expiresAt != null
          && now.isAfter(expiresAt.plus(GRACE))) {
        violations.add(
            Violations.OPEN_PAST_EXPIRY,
            "order " + order.id() + " " + order.field("status") + ", expired at " + expiresAt);
      }
    }
  }

  private static void heldTickets(
      Map<String, Aggregate> tickets, Map<String, Aggregate> orders, Violations violations) {
    for (Aggregate ticket : tickets.values()) {
      String status = ticket.field("status");
      String orderId = ticket.field("orderId");
      Aggregate order = orderId == null ? null : orders.get(orderId);
      String orderStatus = order == null ? "unknown" : order.field("status");
      if ("RESERVED".equals(status) && !OPEN.contains(orderStatus)) {
        violations.add(
            Violations.HELD_BY_CLOSED,
            "ticket " + ticket.id() + " held by order " + orderId + " (" + orderStatus + ")");
      }
      if ("SOLD".equals(status) && !"COMPLETE".equals(orderStatus)) {
        violations.add(
            Violations.SOLD_WITHOUT_ORDER,
            "ticket " + ticket.id() + " sold to order " + orderId + " (" + orderStatus + ")");
      }
    }
  }

  private void runningWorkflows(Map<String, Aggregate> orders, Instant now, Violations violations) {
    temporal
        .client()
        .listExecutions("WorkflowType='OrderWorkflow' AND ExecutionStatus='Running'")
        .forEach(execution -> {
          String workflowId = execution.getExecution().getWorkflowId();
          Aggregate order = orders.get(workflowId.substring("order-".length()));
          Instant expiresAt = order == null ? null : expiresAt(order);
          Instant startedAt = execution.getStartTime();
          Instant due = expiresAt != null ? expiresAt : startedAt.plus(Duration.ofMinutes(1));
          if (now.isAfter(due.plus(GRACE))) {
            violations.add(
                Violations.RUNNING_PAST_EXPIRY,
                workflowId
                    + " (order "
                    + (order == null ? "not stored" : order.field("status"))
                    + ")");
          }
        });
  }

  private static String ticketOf(Aggregate order) {
    Document latest = order.latest();
    Document ticket = latest == null ? null : latest.get("ticket", Document.class);
    return ticket == null ? "?" : ticket.getString("_id");
  }

  private static @Nullable Instant expiresAt(Aggregate order) {
    Document latest = order.latest();
    Date date = latest == null ? null : latest.getDate("expiresAt");
    return date == null ? null : date.toInstant();
  }
}
