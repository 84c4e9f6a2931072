package dev.ticketing.workflows.orders;

import dev.ticketing.workflows.OrderId;
import dev.ticketing.workflows.PaymentId;
import dev.ticketing.workflows.Price;
import dev.ticketing.workflows.Rejection;
import dev.ticketing.workflows.TicketId;
import dev.ticketing.workflows.UserId;
import dev.ticketing.workflows.payments.Charge;
import dev.ticketing.workflows.payments.ChargeRequest;
import dev.ticketing.workflows.payments.PaymentActivities;
import dev.ticketing.workflows.payments.StripePayment;
import dev.ticketing.workflows.tickets.Reservation;
import dev.ticketing.workflows.tickets.TicketActivities;
import dev.ticketing.workflows.tickets.TicketSeen;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/** The three stores the order workflow drives, in memory, with the same rules as the real ones. */
final class InMemoryStores {

  static final class Tickets implements TicketActivities {
    record Ticket(UserId seller, @Nullable OrderId holder, boolean sold) {}

    final Map<TicketId, Ticket> tickets = new ConcurrentHashMap<>();
    final List<OrderId> releases = new CopyOnWriteArrayList<>();
    volatile boolean unavailable;
    volatile @Nullable CountDownLatch releaseHeld;
    volatile boolean releasing;

    void list(TicketId id, UserId seller) {
      tickets.put(id, new Ticket(seller, null, false));
    }

    @Nullable OrderId holder(TicketId id) {
      return tickets.get(id).holder();
    }

    boolean sold(TicketId id) {
      return tickets.get(id).sold();
    }

    void holdFor(TicketId id, OrderId order) {
      tickets.computeIfPresent(id, (k, t) -> new Ticket(t.seller(), order, false));
    }

    @Override
    public synchronized Reservation reserve(
        TicketId id, OrderId order, UserId buyer, @Nullable TicketSeen seen) {
      if (unavailable) {
        throw new IllegalStateException("the store is down");
      }
      Ticket ticket = tickets.get(id);
      if (ticket == null) {
        throw Rejection.NOT_FOUND.failure("Not Found");
      }
      if (ticket.seller().equals(buyer)) {
        throw Rejection.INVALID.failure("You cannot buy your own ticket");
      }
      if (ticket.holder() != null && !ticket.holder().equals(order)) {
        throw Rejection.INVALID.failure("Ticket is already reserved");
      }
      tickets.put(id, new Ticket(ticket.seller(), order, false));
      return new Reservation(id, "Concert", new Price(2_000), 1, ticket.seller(), null);
    }

    @Override
    public UserId sellerOf(TicketId id) {
      return tickets.get(id).seller();
    }

    @Override
    public void release(TicketId id, OrderId order) {
      releasing = true;
      CountDownLatch held = releaseHeld;
      if (held != null) {
        await(held);
      }
      releaseNow(id, order);
    }

    private synchronized void releaseNow(TicketId id, OrderId order) {
      releases.add(order);
      tickets.computeIfPresent(
          id,
          (k, t) ->
              order.equals(t.holder()) && !t.sold() ? new Ticket(t.seller(), null, false) : t);
    }

    @Override
    public synchronized void markSold(TicketId id, OrderId order) {
      Ticket ticket = tickets.get(id);
      if (!order.equals(ticket.holder())) {
        throw new IllegalStateException("Ticket " + id + " is not held by order " + order);
      }
      tickets.put(id, new Ticket(ticket.seller(), order, true));
    }
  }

  static final class Orders implements OrderActivities {
    final Map<OrderId, Order> orders = new ConcurrentHashMap<>();
    final List<String> events = new CopyOnWriteArrayList<>();

    @Override
    public Order create(Order order) {
      if (orders.putIfAbsent(order.id(), order) == null) {
        events.add("OrderCreated");
      }
      return orders.get(order.id());
    }

    @Override
    public Order startPayment(OrderId id) {
      return orders.computeIfPresent(id, (k, o) -> o.startPayment());
    }

    @Override
    public synchronized Order complete(OrderId id, PaymentId paymentId) {
      Order completed = orders.get(id).complete();
      orders.put(id, completed);
      events.add("OrderCompleted");
      return completed;
    }

    @Override
    public synchronized Order cancel(OrderId id, CancellationReason reason) {
      Order order = orders.get(id);
      if (order == null || order.status().isClosed()) {
        return order;
      }
      events.add(reason == CancellationReason.EXPIRED ? "OrderExpired" : "OrderCancelled");
      return orders.computeIfPresent(id, (k, o) -> o.cancelled(reason));
    }

    Order get(OrderId id) {
      return orders.get(id);
    }
  }

  static final class Payments implements PaymentActivities {
    final List<ChargeRequest> charges = new CopyOnWriteArrayList<>();
    final List<StripePayment> recorded = new CopyOnWriteArrayList<>();
    final List<StripePayment> refunds = new CopyOnWriteArrayList<>();
    final List<ChargeRequest> undone = new CopyOnWriteArrayList<>();
    final AtomicInteger undoneToTheEnd = new AtomicInteger();
    volatile @Nullable CountDownLatch inFlight;
    volatile @Nullable CountDownLatch undoInFlight;
    // Held, a refund's first attempt waits for it to open and then fails, as Stripe away would.
    volatile @Nullable CountDownLatch refundInFlight;
    final AtomicInteger refundsTried = new AtomicInteger();

    @Override
    public Charge charge(ChargeRequest request) {
      charges.add(request);
      CountDownLatch latch = inFlight;
      if (latch != null) {
        await(latch);
      }
      if (request.token().equals("tok_unanswered")) {
        throw new IllegalStateException("Stripe could not be reached");
      }
      if (request.token().equals("tok_chargeDeclined")) {
        throw Rejection.PAYMENT_DECLINED.failure("Your card was declined.");
      }
      return new Charge(new PaymentId("p-" + request.idempotencyKey()), "pi_" + charges.size());
    }

    @Override
    public void undoCharge(ChargeRequest request) {
      undone.add(request);
      CountDownLatch latch = undoInFlight;
      if (latch != null) {
        await(latch);
      }
      undoneToTheEnd.incrementAndGet();
    }

    @Override
    public PaymentId record(StripePayment payment) {
      recorded.add(payment);
      return new PaymentId("p-" + payment.paymentIntentId());
    }

    @Override
    public void refund(StripePayment payment) {
      CountDownLatch latch = refundInFlight;
      if (latch != null) {
        refundsTried.incrementAndGet();
        await(latch);
        if (refundsTried.get() == 1) {
          throw new IllegalStateException("Stripe could not be reached");
        }
      }
      refunds.add(payment);
    }
  }

  private InMemoryStores() {}

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
