package dev.ticketing.e2e;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.BootJar;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.TemporalDevServer;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The whole system as it runs in production, once per test run: the built API and workers jars as
 * processes, a Temporal dev server whose history is a SQLite file (so it survives a restart), and
 * FerretDB. Orders expire after {@link #EXPIRATION}.
 */
final class EndToEndStack {

  static final Duration EXPIRATION = Duration.ofSeconds(6);

  private static EndToEndStack instance;

  final FerretDb ferretDb = LocalStack.ferretDb();
  final TemporalDevServer temporal = TemporalDevServer.launchPersistent();
  final BootJar workers;
  final BootJar api;

  private EndToEndStack() {
    var backend = Map.of("MONGODB_URI", ferretDb.uri(), "TEMPORAL_ADDRESS", temporal.address());
    workers = BootJar.launch("workers", backend);
    var apiEnvironment = new java.util.HashMap<>(backend);
    apiEnvironment.put("TICKETING_ORDERS_EXPIRATION", EXPIRATION.toString());
    api = BootJar.launch("api", apiEnvironment);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              api.close();
              workers.close();
              temporal.close();
            }));
  }

  static synchronized EndToEndStack get() {
    if (instance == null) {
      instance = new EndToEndStack();
    }
    return instance;
  }

  ApiClient newUser() {
    var client = new ApiClient(api.uri());
    var answer = client.signUp("user-" + UUID.randomUUID() + "@example.com");
    if (answer.status() != 201) {
      throw new AssertionError("Sign-up failed: " + answer);
    }
    return client;
  }

  ApiClient anonymous() {
    return new ApiClient(api.uri());
  }
}
