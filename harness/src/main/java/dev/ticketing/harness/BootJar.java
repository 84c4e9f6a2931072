package dev.ticketing.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
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
 * {@code extract-app}), on a port of its own that it keeps across restarts. An app whose actuator
 * has a port of its own ({@code MANAGEMENT_PORT} in its application.yml) gets a free one for it
 * too.
 */
public final class BootJar implements AutoCloseable {

  private final String module;
  private final Path jar;
  private final Map<String, String> environment;
  private final int port = ExternalProcess.freePort();
  private final int managementPort;
  private final Path directory;
  private @Nullable ExternalProcess process;

  private BootJar(String module, Map<String, String> environment) {
    this.module = module;
    this.jar = Tools.root().resolve(module).resolve("target/app/ticketing-" + module + ".jar");
    this.environment = new HashMap<>(environment);
    this.environment.put("PORT", String.valueOf(port));
    // Its default (9080) would collide between the APIs of one test run, and with anyone else's.
    this.managementPort = hasManagementPort(module) ? ExternalProcess.freePort() : port;
    if (managementPort != port) {
      this.environment.put("MANAGEMENT_PORT", String.valueOf(managementPort));
    }
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

  /** Where its actuator answers ({@code /actuator/health}, {@code /actuator/prometheus}). */
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

  /** Whether the module's configuration puts the actuator on {@code MANAGEMENT_PORT}. */
  private static boolean hasManagementPort(String module) {
    Path config = Tools.root().resolve(module).resolve("src/main/resources/application.yml");
    try {
      return Files.readString(config).contains("${MANAGEMENT_PORT:");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}
