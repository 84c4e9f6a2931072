package dev.ticketing.bench.stack;

import dev.ticketing.harness.ExternalProcess;
import dev.ticketing.harness.FerretDb;
import dev.ticketing.harness.Mailpit;
import dev.ticketing.harness.Started;
import dev.ticketing.harness.TemporalDevServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The whole system on free ports: FerretDB, the Temporal dev server on a SQLite file, Mailpit for
 * the emails, the workers and the API from their jars. Or, when {@code BENCH_API_URL} is set, a
 * stack someone else runs (then {@code TEMPORAL_ADDRESS} and {@code MONGODB_URI} say where its
 * servers are).
 */
public final class BenchStack implements AutoCloseable {

  private static final String DEFAULT_TEMPORAL =
      String.join(" ", TemporalDevServer.SQLITE) + " " + String.join(" ", TemporalDevServer.TUNING);
  // The same SQLite file settings without TUNING: what TUNING buys, measured in the same run.
  private static final String DEFAULT_UNTUNED_TEMPORAL = String.join(" ", TemporalDevServer.SQLITE);
  private static final String WORKERS_JAR = "workers/target/ticketing-workers.jar";
  private static final String API_JAR = "api/target/ticketing-api.jar";
  private static final String DEFAULT_FERRETDB = "_pragma=synchronous(normal)";

  /** The web client's address the emails link to; its host ends each email's Message-ID. */
  public static final URI PUBLIC_URL = URI.create("http://ticketing.bench.localhost");

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

  /**
   * The stack named by the environment if there is one, else one of our own; with {@code
   * untunedServer}, ours has a second, untuned Temporal dev server beside the tuned one.
   */
  public static BenchStack fromEnvironmentOrLaunch(Duration expiration, boolean untunedServer) {
    String api = System.getenv("BENCH_API_URL");
    if (api == null || api.isBlank()) {
      return launch(expiration, Map.of(), untunedServer);
    }
    return new BenchStack(
        URI.create(api),
        System.getenv().getOrDefault("TEMPORAL_ADDRESS", "localhost:7233"),
        System.getenv().getOrDefault("MONGODB_URI", "mongodb://localhost:27017"),
        null,
        null);
  }

  /**
   * Starts every process; orders expire after {@code expiration}. They are stopped by {@link
   * #close()}, or when this JVM ends (Ctrl-C), or at once if one of them fails to start.
   */
  public static BenchStack launch(Duration expiration) {
    return launch(expiration, Map.of());
  }

  /**
   * As {@link #launch(Duration)}, with {@code settings} added to the API's and workers' variables.
   */
  public static BenchStack launch(Duration expiration, Map<String, String> settings) {
    return launch(expiration, settings, false);
  }

  private static BenchStack launch(
      Duration expiration, Map<String, String> settings, boolean untunedServer) {
    Path directory = workDirectory();
    var started = new Started();
    Thread cleanup = new Thread(started::close);
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      System.out.println("Starting FerretDB, the Temporal dev server (SQLite file) and Mailpit...");
      FerretDb ferretDb = started.add(FerretDb.launch(ferretDbParameters()));
      TemporalDevServer temporal =
          started.add(TemporalDevServer.launchPersistent(temporalOptions()));
      TemporalDevServer untuned =
          untunedServer
              ? started.add(TemporalDevServer.launchPersistent(untunedTemporalOptions()))
              : null;
      Mailpit mailpit = started.add(Mailpit.launch());
      Map<String, String> environment = environment(expiration, ferretDb, temporal, mailpit);
      environment.putAll(settings);
      var workers =
          started.add(JavaService.workers(unpack(WORKERS_JAR, directory), directory, environment));
      var api = started.add(JavaService.api(unpack(API_JAR, directory), directory, environment));
      System.out.println("Starting the workers and the API (logs in " + directory + ")...");
      workers.start();
      api.start();
      workers.awaitReady();
      api.awaitReady();
      var launched =
          new Launched(ferretDb, temporal, untuned, mailpit, workers, api, directory, cleanup);
      return new BenchStack(api.uri(), temporal.address(), ferretDb.uri(), expiration, launched);
    } catch (RuntimeException e) {
      started.close();
      throw e;
    }
  }

  private static Map<String, String> environment(
      Duration expiration, FerretDb ferretDb, TemporalDevServer temporal, Mailpit mailpit) {
    Map<String, String> environment = new HashMap<>();
    environment.put("TEMPORAL_ADDRESS", temporal.address());
    environment.put("MONGODB_URI", ferretDb.uri());
    environment.put("TICKETING_ORDERS_EXPIRATION", expiration.toString());
    environment.put("JWT_KEY", "bench-" + System.nanoTime() + "-a-key-of-at-least-32-bytes");
    // Sign-ups are setup, not what is measured: the cheapest bcrypt keeps 1,000 of them quick.
    environment.put("TICKETING_USERS_PASSWORDSTRENGTH", "4");
    environment.put("LOGGING_LEVEL_ROOT", "WARN");
    // The workers serve every queue, notifications too: their emails go to our Mailpit.
    environment.put("MAIL_HOST", mailpit.smtpHost());
    environment.put("MAIL_PORT", String.valueOf(mailpit.smtpPort()));
    environment.put("PUBLIC_URL", PUBLIC_URL.toString());
    return environment;
  }

  /**
   * The dev server's tuning. Its SQLite as a write-ahead log synced at checkpoints rather than at
   * every commit, which survives any process crash (only the machine losing power can lose the last
   * commits); and eager activities, so an activity on the workflow's own task queue starts in the
   * reply to the workflow task that scheduled it, without a trip through matching. {@code
   * BENCH_TEMPORAL_OPTIONS=none} gives the dev server's defaults, to compare.
   */
  public static List<String> temporalOptions() {
    String options = System.getenv().getOrDefault("BENCH_TEMPORAL_OPTIONS", DEFAULT_TEMPORAL);
    return options.equals("none") ? List.of() : List.of(options.split(" "));
  }

  /**
   * The second dev server's options: {@code BENCH_UNTUNED_TEMPORAL_OPTIONS}, by default the SQLite
   * file settings alone ({@code none}: the dev server's defaults); set it to try a setting against
   * the tuned server side by side.
   */
  public static List<String> untunedTemporalOptions() {
    String options =
        System.getenv().getOrDefault("BENCH_UNTUNED_TEMPORAL_OPTIONS", DEFAULT_UNTUNED_TEMPORAL);
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

  /** The untuned dev server's address, when this stack has one. */
  public Optional<String> untunedTemporalAddress() {
    return Optional.ofNullable(launched).map(Launched::untuned).map(TemporalDevServer::address);
  }

  /** Where each of our processes (API, workers) exposes {@code /actuator/prometheus}. */
  public List<URI> managementUris() {
    return launched == null
        ? List.of()
        : List.of(launched.api().managementUri(), launched.workers().managementUri());
  }

  /** Stops the workers and the API, then starts them as clients of this Temporal server. */
  public void restartApps(String temporalAddress) {
    var address = Map.of("TEMPORAL_ADDRESS", temporalAddress);
    ours().api().restart(address);
    ours().workers().restart(address);
    ours().workers().awaitReady();
    ours().api().awaitReady();
  }

  /** Stops the API and starts it again: it reads whatever it loads at start again. */
  public void restartApi() {
    ours().api().restart(Map.of());
    ours().api().awaitReady();
  }

  public OptionalLong apiPid() {
    return launched == null ? OptionalLong.empty() : OptionalLong.of(launched.api().pid());
  }

  public OptionalLong workersPid() {
    return launched == null ? OptionalLong.empty() : OptionalLong.of(launched.workers().pid());
  }

  /** The mail server the workers send through. */
  public Mailpit mailpit() {
    return ours().mailpit();
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
      launched.mailpit().close();
      launched.temporal().close();
      if (launched.untuned() != null) {
        launched.untuned().close();
      }
      launched.ferretDb().close();
      try {
        Runtime.getRuntime().removeShutdownHook(launched.cleanup());
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or ran: it stops the same processes
      }
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
      @Nullable TemporalDevServer untuned,
      Mailpit mailpit,
      JavaService workers,
      JavaService api,
      Path directory,
      Thread cleanup) {}

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
   * The fat jar unpacked into the run's directory, as the build unpacks it into {@code target/app}
   * (the root pom's {@code extract-app} says why), with the app jar under a name of its own:
   * whoever stops "their" stack by the jar's name (pkill -f ticketing-api) must not stop ours in
   * the middle of a run, so ours is {@code bench-api.jar}, with no such name in its path; and a
   * rebuild meanwhile leaves ours alone.
   */
  private static Path unpack(String jar, Path directory) {
    Path source = repository().resolve(jar);
    String name = source.getFileName().toString().replace("ticketing-", "bench-");
    Path destination = directory.resolve(name.replace(".jar", ""));
    var extract =
        new ProcessBuilder(
                ExternalProcess.java().toString(),
                "-Djarmode=tools",
                "-jar",
                source.toString(),
                "extract",
                "--destination",
                destination.toString(),
                "--application-filename",
                name)
            .redirectErrorStream(true)
            .redirectOutput(
                ProcessBuilder.Redirect.appendTo(directory.resolve("unpack.log").toFile()));
    try {
      if (extract.start().waitFor() != 0) {
        throw new IllegalStateException(
            "Unpacking " + source + " failed: see " + directory.resolve("unpack.log"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while unpacking " + source, e);
    }
    return destination.resolve(name);
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
