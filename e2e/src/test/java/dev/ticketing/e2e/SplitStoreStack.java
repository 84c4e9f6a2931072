package dev.ticketing.e2e;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.BootJar;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.Started;
import dev.ticketing.harness.TemporalDevServer;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The system as Kubernetes runs it as far as stores go: the payments domain on a FerretDB of its
 * own (as payments-mongo is its own MongoDB there), the other domains on another one, with the
 * built API and workers jars and a Temporal dev server. A test stops the payments server to see
 * what an outage of one domain's database does. Started once per test run, on free ports.
 */
final class SplitStoreStack {

  private static SplitStoreStack instance;

  // What this stack started, closed last first as the test run ends, or at once when a later one
  // fails to start (so that no process outlives the run).
  private final Started started = new Started();
  final FerretDb stores = started.add(FerretDb.launch());
  final FerretDb paymentsStore = started.add(FerretDb.launch());
  final TemporalDevServer temporal = started.add(TemporalDevServer.launch());
  final BootJar workers;
  final BootJar api;

  private SplitStoreStack() {
    try {
      var backend = new HashMap<String, String>();
      backend.put("MONGODB_URI", stores.uri());
      backend.put("PAYMENTS_MONGODB_URI", paymentsStore.uri("payments"));
      backend.put("TEMPORAL_ADDRESS", temporal.address());
      var workerEnvironment = new HashMap<>(backend);
      workerEnvironment.put("TICKETING_WORKER_QUEUES", "orders,tickets,payments,payouts");
      workers = started.add(BootJar.launch("workers", workerEnvironment));
      var apiEnvironment = new HashMap<>(backend);
      apiEnvironment.put("JWT_KEY", "split-store-tests-key-of-at-least-32-bytes");
      api = started.add(BootJar.launch("api", apiEnvironment));
    } catch (RuntimeException failed) {
      started.close();
      throw failed;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(started::close));
  }

  static synchronized SplitStoreStack get() {
    if (instance == null) {
      instance = new SplitStoreStack();
    }
    return instance;
  }

  ApiClient newUser() {
    var client = anonymous();
    var answer = client.signUp(email());
    if (answer.status() != 201) {
      throw new AssertionError("Sign-up failed: " + answer);
    }
    return client;
  }

  ApiClient anonymous() {
    return new ApiClient(api.uri());
  }

  /** The API's actuator, on its management port. */
  ApiClient management() {
    return new ApiClient(api.managementUri());
  }

  static String email() {
    return "user-" + UUID.randomUUID() + "@example.com";
  }

  static Map<String, String> credentials(String email) {
    return Map.of("email", email, "password", "password1");
  }
}
