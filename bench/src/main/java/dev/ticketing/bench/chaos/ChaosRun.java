package dev.ticketing.bench.chaos;

import com.mongodb.client.model.Filters;
import dev.ticketing.bench.load.Crowd;
import dev.ticketing.bench.shop.Account;
import dev.ticketing.bench.shop.Reply;
import dev.ticketing.bench.shop.Shop;
import dev.ticketing.bench.stack.BenchStack;
import dev.ticketing.bench.stack.TemporalConnection;
import dev.ticketing.bench.stores.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Buyers reserve, pay, cancel or walk away while the faults of a {@link Plan} strike the stack, and
 * the sellers' payouts fall due; a seller opens its payout account as each fault strikes, some
 * sales are disputed and some paid with a card that is declined. Once everything has had time to
 * settle, the invariant checker reads what is left.
 */
public final class ChaosRun {

  private static final Duration SETTLE_MARGIN = Duration.ofSeconds(10);
  // A seller tries again for a minute: long enough to outlast any fault of the plan.
  private static final int ACCOUNT_ATTEMPTS = 30;
  // After the fault has begun, so that the account's signals meet it.
  private static final Duration ACCOUNT_DELAY = Duration.ofSeconds(1);
  // How long a dispute stays open; and how long after its release a paid payout is disputed.
  private static final Duration DISPUTE_PAUSE = Duration.ofSeconds(3);

  /** How a disputed sale goes: opened while its payout is held, or once it is likely paid. */
  private enum Dispute {
    WON_WHILE_HELD,
    LOST_WHILE_HELD,
    WON_AFTER_PAYMENT
  }

  private final BenchStack stack;
  private final Plan plan;
  private final Shop shop;
  private final StripeDisputes stripe;
  private final List<Thread> disputes = Collections.synchronizedList(new ArrayList<>());
  private final Map<String, Integer> answers = new ConcurrentHashMap<>();
  private final List<Moment> moments = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger started = new AtomicInteger();
  private final Instant start = Instant.now();

  public ChaosRun(BenchStack stack, Plan plan) {
    this.stack = stack;
    this.plan = plan;
    this.shop = new Shop(stack.api());
    this.stripe = new StripeDisputes(stack.api());
  }

  public Outcome run() {
    List<Account> sellers = shop.signUp("chaos-seller", plan.sellers(), 4);
    sellers.subList(0, plan.sellersReady()).forEach(this::openPayoutAccount);
    var lateSellers =
        new ConcurrentLinkedQueue<>(
            sellers.subList(plan.sellersReady(), plan.sellersReady() + plan.faults()));
    List<Account> buyers = shop.signUp("chaos-buyer", plan.concurrency(), 4);
    List<String> tickets = shop.listTickets(sellers, plan.purchases());
    try (var chaos = Executors.newVirtualThreadPerTaskExecutor()) {
      var done = new AtomicBoolean();
      chaos.submit(() -> strike(done, lateSellers));
      Crowd.work(
          plan.concurrency(),
          IntStream.range(0, tickets.size()).boxed().toList(),
          (client, i) -> purchase(buyers.get(client), tickets.get(i), i));
      done.set(true);
    }
    List.copyOf(disputes).forEach(ChaosRun::join);
    try (var stores = new Stores(stack.mongoUri());
        var temporal = TemporalConnection.to(stack.temporalAddress())) {
      settle(stores, temporal);
      Instant now = Instant.now();
      var violations =
          new InvariantChecker(stores, temporal, stack.mailpit()::messageIds).check(now);
      var payouts = PayoutChecks.read(stores);
      var emails = EmailChecks.read(stores, payouts, stack.mailpit().messageIds());
      return new Outcome(
          Map.copyOf(answers),
          timeline(),
          Duration.between(start, now),
          PayoutFigures.of(payouts),
          EmailFigures.of(emails, now),
          violations);
    }
  }

  /**
   * Each fault once a share of the purchases has started, so each finds some in flight; as each
   * strikes, a seller whose payouts await an account opens one.
   */
  private void strike(AtomicBoolean done, Queue<Account> lateSellers) {
    List<Thread> openings = new ArrayList<>();
    if (plan.killWorkers()) {
      awaitProgress(0.15, done);
      openings.add(openPayoutAccountSoon(lateSellers.remove()));
      fault("kill -9 the workers, then start them again", stack::killAndRestartWorkers);
    }
    if (plan.restartTemporal()) {
      awaitProgress(0.40, done);
      openings.add(openPayoutAccountSoon(lateSellers.remove()));
      fault("restart the Temporal server (SQLite file)", stack::restartTemporal);
    }
    if (!plan.ferretDbOutage().isZero()) {
      awaitProgress(0.65, done);
      openings.add(openPayoutAccountSoon(lateSellers.remove()));
      fault(
          "stop FerretDB for " + plan.ferretDbOutage().toSeconds() + " s",
          () -> stack.stopFerretDb(plan.ferretDbOutage()));
    }
    openings.forEach(ChaosRun::join);
  }

  private void fault(String what, Runnable fault) {
    long at = elapsedMillis();
    System.out.println("  chaos: " + what + "...");
    fault.run();
    long took = elapsedMillis() - at;
    moments.add(new Moment(at, "%s (back after %.1f s)".formatted(what, took / 1e3)));
  }

  /** A seller opens its payout account a moment after the fault about to strike has begun. */
  private Thread openPayoutAccountSoon(Account seller) {
    return Thread.ofVirtual()
        .start(() -> {
          sleep(ACCOUNT_DELAY);
          long at = elapsedMillis();
          Reply reply = openPayoutAccount(seller);
          long took = elapsedMillis() - at;
          moments.add(
              new Moment(
                  at,
                  "a seller opens a payout account (answered %d after %.1f s)"
                      .formatted(reply.status(), took / 1e3)));
        });
  }

  private Reply openPayoutAccount(Account seller) {
    return persist("payout account", () -> shop.openPayoutAccount(seller), ACCOUNT_ATTEMPTS);
  }

  private void awaitProgress(double share, AtomicBoolean done) {
    while (!done.get() && started.get() < share * plan.purchases()) {
      sleep(Duration.ofMillis(100));
    }
  }

  /** Reserve, then pay, cancel or walk away; a request that got no answer is asked again. */
  private void purchase(Account buyer, String ticket, int index) {
    started.incrementAndGet();
    String key = "chaos-" + ticket;
    Reply order = persist("reserve", () -> shop.reserve(buyer, ticket, key));
    if (!order.is(201)) {
      return;
    }
    String orderId = order.text("id");
    switch (index % 3) {
      case 0 -> {
        int sale = index / 3;
        if (isDeclined(sale)) {
          persist("pay, declined", () -> shop.pay(buyer, orderId, "tok_chargeDeclined"));
          return;
        }
        Reply paid = persist("pay", () -> shop.pay(buyer, orderId, "tok_visa"));
        if (paid.is(201) && plan.disputeEvery() > 0 && sale % plan.disputeEvery() == 0) {
          Dispute dispute = Dispute.values()[sale / plan.disputeEvery() % Dispute.values().length];
          disputes.add(Thread.ofVirtual().start(() -> dispute(buyer, orderId, dispute)));
        }
      }
      case 1 -> persist("cancel", () -> shop.cancel(buyer, orderId));
      default -> answers.merge("left to expire", 1, Integer::sum);
    }
  }

  /** The middle one of every {@code declineEvery} sales, away from the disputed first one. */
  private boolean isDeclined(int sale) {
    int every = plan.declineEvery();
    return every > 0 && sale % every == every / 2;
  }

  /**
   * Stripe tells the API that the sale's charge is disputed, and a moment later that the dispute
   * closed: while the payout is held (it freezes, then is paid or cancelled), or once it is likely
   * paid (the transfer is reversed, then made again).
   */
  private void dispute(Account buyer, String orderId, Dispute dispute) {
    Reply payments = persist("look up the charge", () -> shop.payments(buyer, orderId));
    String charge = payments.body().path(0).path("stripeId").asString("");
    if (charge.isEmpty()) {
      return;
    }
    if (dispute == Dispute.WON_AFTER_PAYMENT) {
      sleep(plan.payoutHold().plus(DISPUTE_PAUSE));
    }
    persist("dispute opened", () -> stripe.opened(charge));
    sleep(DISPUTE_PAUSE);
    boolean won = dispute != Dispute.LOST_WHILE_HELD;
    persist(won ? "dispute won" : "dispute lost", () -> stripe.closed(charge, won));
  }

  /** Asks up to five times while the answer is a server fault or none; counts the final answer. */
  private Reply persist(String step, Supplier<Reply> request) {
    return persist(step, request, 5);
  }

  private Reply persist(String step, Supplier<Reply> request, int attempts) {
    Reply reply = request.get();
    for (int attempt = 1;
        attempt < attempts && (reply.status() == 0 || reply.status() >= 500);
        attempt++) {
      sleep(Duration.ofSeconds(2));
      reply = request.get();
    }
    answers.merge(step + " " + reply.status() + " " + reply.error(), 1, Integer::sum);
    return reply;
  }

  /**
   * Waits until no order is open, no order workflow runs, no payout is left to pay that can be paid
   * and no email asked for is unsent, or until the emails' grace has passed after the last payout's
   * release: an order completes by its expiry at the latest, and is released a hold later (the
   * tickets have no event date). Then every order, payout and email had all the time it is allowed.
   */
  private void settle(Stores stores, TemporalConnection temporal) {
    Instant lastExpiry = lastExpiry(stores);
    Instant deadline =
        (lastExpiry.isAfter(Instant.now()) ? lastExpiry : Instant.now())
            .plus(plan.payoutHold())
            .plus(EmailChecks.GRACE)
            .plus(SETTLE_MARGIN);
    System.out.println(
        "  settling: until every order is closed, every payout paid that can be and every email"
            + " sent, at the latest "
            + deadline);
    while (Instant.now().isBefore(deadline)) {
      long open = stores.count("orders", Filters.in("status", "CREATED", "AWAITING_PAYMENT"));
      PayoutChecks payouts = PayoutChecks.read(stores);
      if (open == 0
          && temporal.count("WorkflowType='OrderWorkflow' AND ExecutionStatus='Running'") == 0
          && payouts.due().isEmpty()
          && EmailChecks.read(stores, payouts, stack.mailpit().messageIds()).unsent().isEmpty()) {
        return;
      }
      sleep(Duration.ofSeconds(2));
    }
  }

  private static Instant lastExpiry(Stores stores) {
    return stores.snapshots("orders").stream()
        .map(order -> order.getDate("expiresAt"))
        .filter(Objects::nonNull)
        .map(Date::toInstant)
        .max(Instant::compareTo)
        .orElse(Instant.now());
  }

  /** A fault, or a seller opening a payout account, {@code at} ms into the run. */
  private record Moment(long at, String what) {}

  private List<String> timeline() {
    synchronized (moments) {
      return moments.stream()
          .sorted(Comparator.comparingLong(Moment::at))
          .map(moment -> "at %.1f s: %s".formatted(moment.at() / 1e3, moment.what()))
          .toList();
    }
  }

  private long elapsedMillis() {
    return Duration.between(start, Instant.now()).toMillis();
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
