package dev.ticketing.harness;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One of the project's own Spring Boot apps ({@code api}, {@code workers}) run as a process, as in
 * production: from the unpacked jar the build leaves in {@code target/app} (see the root pom's
 * {@code extract-app}), on a port of its own that it keeps across restarts.
 */
public final class BootJar implements AutoCloseable {

  private final String module;
  private final Path jar;
  private final Map<String, String> environment;
  private final int port = ExternalProcess.freePort();
  private final int managementPort = ExternalProcess.freePort();
  private final Path directory;
  private @Nullable ExternalProcess process;

  private BootJar(String module, Map<String, String> environment) {
    this.module = module;
    this.jar = Tools.root().resolve(module).resolve("target/app/ticketing-" + module + ".jar");
    this.environment = new HashMap<>(environment);
    this.environment.put("PORT", String.valueOf(port));
    this.environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    this.directory = Tools.workDirectory(module);
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: build it with `make build` first");
    }
  }

  /** Starts {@code module}'s jar with {@code environment} and waits until it is ready. */
  public static BootJar launch(String module, Map<String, String> environment) {
    var app = new BootJar(module, environment);
    app.start();
    return app;
  }

  /** The app jar it runs, with {@code lib/} beside it. */
  public Path jar() {
    return jar;
  }

  public URI uri() {
    return URI.create("http://127.0.0.1:" + port);
  }

  /** Where its health and metrics are: a port of their own. */
  public URI managementUri() {
    return URI.create("http://127.0.0.1:" + managementPort);
  }

  /** Starts the process, unless it is running. */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    List<String> command =
        List.of(
            ExternalProcess.java().toString(),
            "-XX:+UseSerialGC",
            "-Xmx384m",
            "-jar",
            jar.toString());
    process =
        ExternalProcess.start(module, command, directory.resolve(module + ".log"), environment)
            .awaitReady(
                () ->
                    ExternalProcess.answers(managementUri().resolve("/actuator/health/readiness")),
                Duration.ofSeconds(120));
  }

  /** Kills the process at once (SIGKILL), as a crash would. */
  public synchronized void kill() {
    if (process != null) {
      process.kill();
      process = null;
    }
  }

  public synchronized void stop() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  public Path log() {
    return directory.resolve(module + ".log");
  }

  @Override
  public void close() {
    stop();
  }
}
