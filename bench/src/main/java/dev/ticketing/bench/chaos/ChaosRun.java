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
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Buyers reserve, pay, cancel or walk away while the faults of a {@link Plan} strike the stack;
 * once everything has had time to settle, the invariant checker reads what is left.
 */
public final class ChaosRun {

  private static final Duration SETTLE_MARGIN = Duration.ofSeconds(10);

  private final BenchStack stack;
  private final Plan plan;
  private final Shop shop;
  private final Map<String, Integer> answers = new ConcurrentHashMap<>();
  private final List<String> faults = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger started = new AtomicInteger();
  private final Instant start = Instant.now();

  public ChaosRun(BenchStack stack, Plan plan) {
    this.stack = stack;
    this.plan = plan;
    this.shop = new Shop(stack.api());
  }

  public Outcome run() {
    List<Account> sellers = shop.signUp("chaos-seller", 4, 4);
    List<Account> buyers = shop.signUp("chaos-buyer", plan.concurrency(), 4);
    List<String> tickets = shop.listTickets(sellers, plan.purchases());
    try (var chaos = Executors.newVirtualThreadPerTaskExecutor()) {
      var done = new AtomicBoolean();
      chaos.submit(() -> strike(done));
      Crowd.work(
          plan.concurrency(),
          IntStream.range(0, tickets.size()).boxed().toList(),
          (client, i) -> purchase(buyers.get(client), tickets.get(i), i));
      done.set(true);
    }
    try (var stores = new Stores(stack.mongoUri());
        var temporal = TemporalConnection.to(stack.temporalAddress())) {
      settle(stores, temporal);
      var violations = new InvariantChecker(stores, temporal).check(Instant.now());
      return new Outcome(
          Map.copyOf(answers),
          List.copyOf(faults),
          Duration.between(start, Instant.now()),
          violations);
    }
  }

  /** Each fault once a share of the purchases has started, so each finds some in flight. */
  private void strike(AtomicBoolean done) {
    if (plan.killWorkers()) {
      awaitProgress(0.15, done);
      fault("kill -9 the workers, then start them again", stack::killAndRestartWorkers);
    }
    if (plan.restartTemporal()) {
      awaitProgress(0.40, done);
      fault("restart the Temporal server (SQLite file)", stack::restartTemporal);
    }
    if (!plan.ferretDbOutage().isZero()) {
      awaitProgress(0.65, done);
      fault(
          "stop FerretDB for " + plan.ferretDbOutage().toSeconds() + " s",
          () -> stack.stopFerretDb(plan.ferretDbOutage()));
    }
  }

  private void fault(String what, Runnable fault) {
    long at = Duration.between(start, Instant.now()).toMillis();
    System.out.println("  chaos: " + what + "...");
    fault.run();
    long took = Duration.between(start, Instant.now()).toMillis() - at;
    faults.add("at %.1f s: %s (back after %.1f s)".formatted(at / 1e3, what, took / 1e3));
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
      case 0 -> persist("pay", () -> shop.pay(buyer, orderId, "tok_visa"));
      case 1 -> persist("cancel", () -> shop.cancel(buyer, orderId));
      default -> answers.merge("left to expire", 1, Integer::sum);
    }
  }

  /** Asks up to five times while the answer is a server fault or none; counts the final answer. */
  private Reply persist(String step, Supplier<Reply> request) {
    Reply reply = request.get();
    for (int attempt = 1;
        attempt < 5 && (reply.status() == 0 || reply.status() >= 500);
        attempt++) {
      sleep(Duration.ofSeconds(2));
      reply = request.get();
    }
    answers.merge(step + " " + reply.status() + " " + reply.error(), 1, Integer::sum);
    return reply;
  }

  /**
   * Waits until no order is open and no order workflow runs, or until the last order's expiry plus
   * the checker's grace has passed: then every order had all the time it is allowed.
   */
  private void settle(Stores stores, TemporalConnection temporal) {
    Instant deadline = lastExpiry(stores).plus(InvariantChecker.GRACE).plus(SETTLE_MARGIN);
    System.out.println("  settling: until every order is closed, at the latest " + deadline);
    while (Instant.now().isBefore(deadline)) {
      long open = stores.count("orders", Filters.in("status", "CREATED", "AWAITING_PAYMENT"));
      if (open == 0
          && temporal.count("WorkflowType='OrderWorkflow' AND ExecutionStatus='Running'") == 0) {
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

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
