package dev.ticketing.e2e;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.BootJar;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Mailpit;
import dev.ticketing.harness.Started;
import dev.ticketing.harness.TemporalDevServer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system as it runs in production, once per test run: the built API and workers jars as
 * processes, a Temporal dev server whose history is a SQLite file (so it survives a restart),
 * FerretDB and Mailpit. Orders made through {@link #api} expire after {@link #EXPIRATION}; {@link
 * #patientApi()}, on the same backend, gives the usual 15 minutes for what a person has to click
 * through. Payouts are released {@link #PAYOUT_HOLD} after the sale. The {@code notifications}
 * queue has a workers process of its own, {@link #mailer}, so a test can kill it alone.
 */
final class EndToEndStack {

  static final Duration EXPIRATION = Duration.ofSeconds(5);

  /** How long the workers hold a payout after its event: short, so a test sees it paid. */
  static final Duration PAYOUT_HOLD = Duration.ofSeconds(3);

  /** Where the emails' links point. */
  static final String PUBLIC_URL = "http://tickets.test";

  private static EndToEndStack instance;

  // What this stack started, closed last first as the test run ends, or at once when a later one
  // fails to start (so that no process outlives the run). FerretDB and Mailpit are LocalStack's.
  private final Started started = new Started();
  final FerretDb ferretDb = LocalStack.ferretDb();
  final Mailpit mailpit = LocalStack.mailpit();
  final TemporalDevServer temporal = started.add(TemporalDevServer.launchPersistent());
  final BootJar workers;
  final BootJar mailer;
  final BootJar api;
  private BootJar patientApi;

  private EndToEndStack() {
    try {
      var environment = new HashMap<>(backend());
      environment.put("TICKETING_WORKER_QUEUES", "orders,tickets,payments,payouts");
      environment.put("PAYOUTS_HOLD", PAYOUT_HOLD.toString());
      workers = started.add(BootJar.launch("workers", environment));
      var mail = new HashMap<>(backend());
      mail.put("TICKETING_WORKER_QUEUES", "notifications");
      mail.put("MAIL_HOST", mailpit.smtpHost());
      mail.put("MAIL_PORT", String.valueOf(mailpit.smtpPort()));
      mail.put("PUBLIC_URL", PUBLIC_URL);
      mailer = started.add(BootJar.launch("workers", mail));
      api = started.add(launchApi(EXPIRATION));
    } catch (RuntimeException failed) {
      started.close();
      throw failed;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
  }

  /**
   * An API whose orders hold their ticket for 15 minutes, started the first time it is asked for.
   */
  synchronized BootJar patientApi() {
    if (patientApi == null) {
      patientApi = started.add(launchApi(Duration.ofMinutes(15)));
    }
    return patientApi;
  }

  static synchronized EndToEndStack get() {
    if (instance == null) {
      instance = new EndToEndStack();
    }
    return instance;
  }

  ApiClient newUser() {
    return newUser("user-" + UUID.randomUUID() + "@example.com");
  }

  ApiClient newUser(String email) {
    var client = new ApiClient(api.uri());
    var answer = client.signUp(email);
    if (answer.status() != 201) {
      throw new AssertionError("Sign-up failed: " + answer);
    }
    return client;
  }

  ApiClient anonymous() {
    return new ApiClient(api.uri());
  }

  private Map<String, String> backend() {
    return Map.of("MONGODB_URI", ferretDb.uri(), "TEMPORAL_ADDRESS", temporal.address());
  }

  /** Both APIs sign sessions with one key, as replicas do, so a session works on either. */
  private BootJar launchApi(Duration expiration) {
    var environment = new HashMap<>(backend());
    environment.put("TICKETING_ORDERS_EXPIRATION", expiration.toString());
    environment.put("JWT_KEY", "end-to-end-tests-key-of-at-least-32-bytes");
    return BootJar.launch("api", environment);
  }
}
