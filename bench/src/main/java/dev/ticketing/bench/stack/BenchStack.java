package dev.ticketing.bench.stack;

import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.TemporalDevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The whole system on free ports: FerretDB, the Temporal dev server on a SQLite file, the workers
 * and the API from their jars. Or, when {@code BENCH_API_URL} is set, a stack someone else runs
 * (then {@code TEMPORAL_ADDRESS} and {@code MONGODB_URI} say where its servers are).
 */
public final class BenchStack implements AutoCloseable {

  private static final String DEFAULT_TEMPORAL =
      String.join(
          " ",
          "--sqlite-pragma=journal_mode=wal",
          "--sqlite-pragma=synchronous=normal",
          "--dynamic-config-value=system.enableActivityEagerExecution=true");
  private static final String DEFAULT_FERRETDB = "_pragma=synchronous(normal)";

  private final URI api;
  private final String temporalAddress;
  private final String mongoUri;
  private final @Nullable Duration expiration;
  private final @Nullable Launched launched;

  private BenchStack(
      URI api,
      String temporalAddress,
      String mongoUri,
      @Nullable Duration expiration,
      @Nullable Launched launched) {
    this.api = api;
    this.temporalAddress = temporalAddress;
    this.mongoUri = mongoUri;
    this.expiration = expiration;
    this.launched = launched;
  }

  /** The stack named by the environment if there is one, else one of our own. */
  public static BenchStack fromEnvironmentOrLaunch(Duration expiration) {
    String api = System.getenv("BENCH_API_URL");
    if (api == null || api.isBlank()) {
      return launch(expiration);
    }
    return new BenchStack(
        URI.create(api),
        System.getenv().getOrDefault("TEMPORAL_ADDRESS", "localhost:7233"),
        System.getenv().getOrDefault("MONGODB_URI", "mongodb://localhost:27017"),
        null,
        null);
  }

  /** Starts every process; orders expire after {@code expiration}. */
  public static BenchStack launch(Duration expiration) {
    Path directory = workDirectory();
    System.out.println("Starting FerretDB and the Temporal dev server (SQLite file)...");
    FerretDb ferretDb = FerretDb.launch(ferretDbParameters());
    TemporalDevServer temporal = TemporalDevServer.launchPersistent(temporalOptions());
    Map<String, String> environment = new HashMap<>();
    environment.put("TEMPORAL_ADDRESS", temporal.address());
    environment.put("MONGODB_URI", ferretDb.uri());
    environment.put("TICKETING_ORDERS_EXPIRATION", expiration.toString());
    environment.put("JWT_KEY", "bench-" + System.nanoTime() + "-a-key-of-at-least-32-bytes");
    // Sign-ups are setup, not what is measured: the cheapest bcrypt keeps 1,000 of them quick.
    environment.put("TICKETING_USERS_PASSWORDSTRENGTH", "4");
    environment.put("LOGGING_LEVEL_ROOT", "WARN");
    var workers =
        new JavaService(
            "workers",
            copy("workers/target/ticketing-workers.jar", directory),
            directory,
            environment);
    var api =
        new JavaService(
            "api", copy("api/target/ticketing-api.jar", directory), directory, environment);
    System.out.println("Starting the workers and the API (logs in " + directory + ")...");
    workers.start();
    api.start();
    workers.awaitReady();
    api.awaitReady();
    var launched = new Launched(ferretDb, temporal, workers, api, directory);
    return new BenchStack(api.uri(), temporal.address(), ferretDb.uri(), expiration, launched);
  }

  /**
   * The dev server's tuning. Its SQLite as a write-ahead log synced at checkpoints rather than at
   * every commit, which survives any process crash (only the machine losing power can lose the last
   * commits); and one partition per task queue, so a task meets a waiting poller at once instead of
   * being forwarded between partitions or written to the backlog. {@code
   * BENCH_TEMPORAL_OPTIONS=none} gives the dev server's defaults, to compare.
   */
  static List<String> temporalOptions() {
    String options = System.getenv().getOrDefault("BENCH_TEMPORAL_OPTIONS", DEFAULT_TEMPORAL);
    return options.equals("none") ? List.of() : List.of(options.split(" "));
  }

  /**
   * FerretDB's SQLite URL parameters: FerretDB already runs WAL; {@code synchronous(normal)} syncs
   * at checkpoints instead of every commit. {@code BENCH_FERRETDB_SQLITE=none} gives its defaults.
   */
  static String ferretDbParameters() {
    String parameters = System.getenv().getOrDefault("BENCH_FERRETDB_SQLITE", DEFAULT_FERRETDB);
    return parameters.equals("none") ? "" : parameters;
  }

  public URI api() {
    return api;
  }

  public String temporalAddress() {
    return temporalAddress;
  }

  public String mongoUri() {
    return mongoUri;
  }

  /** How long orders hold their ticket, when we started the stack and so know it. */
  public @Nullable Duration expiration() {
    return expiration;
  }

  public boolean isOurs() {
    return launched != null;
  }

  public OptionalLong apiPid() {
    return launched == null ? OptionalLong.empty() : OptionalLong.of(launched.api().pid());
  }

  public OptionalLong workersPid() {
    return launched == null ? OptionalLong.empty() : OptionalLong.of(launched.workers().pid());
  }

  /** kill -9 of the workers, then a new workers process; returns once it is ready. */
  public void killAndRestartWorkers() {
    Launched stack = ours();
    stack.workers().kill();
    stack.workers().start();
    stack.workers().awaitReady();
  }

  public void killWorkers() {
    ours().workers().kill();
  }

  public void startWorkers() {
    ours().workers().start();
    ours().workers().awaitReady();
  }

  /** Stops the Temporal server (SIGTERM) and starts it again on the same port and SQLite file. */
  public void restartTemporal() {
    ours().temporal().stop();
    ours().temporal().start();
  }

  /** Stops FerretDB for {@code outage}, then starts it again on the same port and data. */
  public void stopFerretDb(Duration outage) {
    ours().ferretDb().stop();
    try {
      Thread.sleep(outage);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      ours().ferretDb().start();
    }
  }

  public @Nullable Path logs() {
    return launched == null ? null : launched.directory();
  }

  @Override
  public void close() {
    if (launched != null) {
      launched.api().close();
      launched.workers().close();
      launched.temporal().close();
      launched.ferretDb().close();
    }
  }

  private Launched ours() {
    if (launched == null) {
      throw new IllegalStateException("Chaos needs a stack this run started itself");
    }
    return launched;
  }

  private record Launched(
      FerretDb ferretDb,
      TemporalDevServer temporal,
      JavaService workers,
      JavaService api,
      Path directory) {}

  /** The repository root: the nearest ancestor of the working directory holding the Makefile. */
  static Path repository() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("Makefile")) && Files.isDirectory(dir.resolve("workflows"))) {
        return dir;
      }
    }
    throw new IllegalStateException("Run from inside the repository");
  }

  /**
   * A copy of a jar under a name of its own: whoever stops "their" stack by the jar's name (pkill
   * -f ticketing-api.jar) must not stop ours in the middle of a run.
   */
  private static Path copy(String jar, Path directory) {
    try {
      Path source = repository().resolve(jar);
      Path target = directory.resolve("bench-" + source.getFileName());
      return Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path workDirectory() {
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    try {
      return Files.createDirectories(
          repository()
              .resolve("bench/target/stack")
              .resolve(stamp + "-" + ProcessHandle.current().pid()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
