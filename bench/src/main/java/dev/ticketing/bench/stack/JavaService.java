package dev.ticketing.bench.stack;

import dev.ticketing.harness.ExternalProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** One of our jars run as its own JVM, with the flags {@code make run} gives it. */
final class JavaService implements AutoCloseable {

  /** As scripts/run.sh starts the API and the workers: the heap each held the bench in. */
  private static final List<String> HEAP =
      List.of("-XX:+UseSerialGC", "-Xss512k", "-Xmx160m", "-XX:+ExitOnOutOfMemoryError");

  /** And, as run.sh says why, no compilation taking more than 12 MiB (JDK 22 and newer). */
  private static final List<String> COMPILE_MEMORY =
      List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=MemLimit,*.*,12m");

  private static final List<String> JVM_FLAGS =
      Runtime.version().feature() >= 22
          ? Stream.concat(HEAP.stream(), COMPILE_MEMORY.stream()).toList()
          : HEAP;

  private final String name;
  private final Path jar;
  private final Path directory;
  private final int port = ExternalProcess.freePort();
  private final int managementPort;
  private final Map<String, String> environment;
  private @Nullable ExternalProcess process;
  private int starts;

  private JavaService(
      String name,
      Path jar,
      Path directory,
      Map<String, String> environment,
      boolean ownHealthPort) {
    this.name = name;
    this.jar = jar;
    this.directory = directory;
    this.environment = new HashMap<>(environment);
    this.managementPort = ownHealthPort ? ExternalProcess.freePort() : port;
  }

  /** The API, with its health and metrics on a port of their own, as scripts/run.sh starts it. */
  static JavaService api(Path jar, Path directory, Map<String, String> environment) {
    return new JavaService("api", jar, directory, environment, true);
  }

  /**
   * The workers, health and metrics on their one port, as scripts/run.sh and k8s start them: a port
   * of their own would start a second web server, measured here and run nowhere else.
   */
  static JavaService workers(Path jar, Path directory, Map<String, String> environment) {
    return new JavaService("workers", jar, directory, environment, false);
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  URI managementUri() {
    return URI.create("http://127.0.0.1:" + managementPort);
  }

  /** Starts the JVM and returns at once; {@link #awaitReady()} waits for its readiness. */
  synchronized void start() {
    starts++;
    List<String> command = new ArrayList<>(List.of(ExternalProcess.java().toString()));
    command.addAll(jvmFlags());
    command.addAll(Profiling.flags(directory, name + "-" + starts));
    command.addAll(List.of("-jar", jar.toString()));
    var env = new HashMap<>(environment);
    env.put("PORT", String.valueOf(port));
    env.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    process = ExternalProcess.start(name, command, directory.resolve(name + ".log"), env);
  }

  synchronized void awaitReady() {
    URI readiness = managementUri().resolve("/actuator/health/readiness");
    process().awaitReady(() -> Http.ok(readiness), Duration.ofSeconds(120));
  }

  /**
   * Stops the JVM (SIGTERM), then starts it again with these variables changed and returns at once;
   * {@link #awaitReady()} waits for its readiness.
   */
  synchronized void restart(Map<String, String> changes) {
    close();
    environment.putAll(changes);
    start();
  }

  /** kill -9, as a crash would. */
  synchronized void kill() {
    process().kill();
  }

  synchronized long pid() {
    return process().pid();
  }

  @Override
  public synchronized void close() {
    if (process != null) {
      process.close();
    }
  }

  private ExternalProcess process() {
    if (process == null) {
      throw new IllegalStateException(name + " is not started");
    }
    return process;
  }

  /** {@link #JVM_FLAGS}, or {@code BENCH_JVM_FLAGS} (space-separated) to try others. */
  private List<String> jvmFlags() {
    String flags = System.getenv("BENCH_JVM_FLAGS");
    return flags == null || flags.isBlank() ? JVM_FLAGS : List.of(flags.trim().split(" +"));
  }
}
