package dev.ticketing.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The real Temporal dev server ({@code temporal server start-dev}) with the order search
 * attributes, in memory or on a SQLite file that survives a restart.
 */
public final class TemporalDevServer implements AutoCloseable {

  /**
   * How every dev server of ours runs (scripts/run.sh says the same): activities handed to the
   * worker in the workflow task's answer, and a transfer queue read 1,000 times a second, not 20.
   * The dev server has one history shard, and its transfer queue is read at most
   * history.transferProcessorMaxPollRPS times a second (go.temporal.io/server v1.29.1,
   * common/dynamicconfig/constants.go; the wait is in service/history/queues/reader.go), so every
   * workflow task after an activity waited ~50 ms for it. A cluster of 512 shards reads 512 queues.
   */
  public static final List<String> TUNING =
      List.of(
          "--dynamic-config-value=system.enableActivityEagerExecution=true",
          "--dynamic-config-value=history.transferProcessorMaxPollRPS=1000");

  /** A SQLite file in write-ahead mode, flushed at checkpoints rather than every commit. */
  public static final List<String> SQLITE =
      List.of("--sqlite-pragma=journal_mode=wal", "--sqlite-pragma=synchronous=normal");

  private final Path directory;
  private final @Nullable Path database;
  private final List<String> options;
  private final int port = ExternalProcess.freePort();
  private final int httpPort = ExternalProcess.freePort();
  private final int metricsPort = ExternalProcess.freePort();
  private @Nullable ExternalProcess process;

  private TemporalDevServer(Path directory, @Nullable Path database, List<String> options) {
    this.directory = directory;
    this.database = database;
    this.options = List.copyOf(options);
  }

  /** A server whose history lives in memory only. */
  public static TemporalDevServer launch() {
    var server = new TemporalDevServer(Tools.workDirectory("temporal"), null, TUNING);
    server.start();
    return server;
  }

  /** A server whose history lives in a SQLite file, so it survives {@link #stop()}. */
  public static TemporalDevServer launchPersistent() {
    return launchPersistent(Stream.concat(SQLITE.stream(), TUNING.stream()).toList());
  }

  /**
   * A persistent server started with these further {@code start-dev} options: {@code
   * --sqlite-pragma=journal_mode=wal}, {@code --dynamic-config-value=KEY=VALUE}, ...
   */
  public static TemporalDevServer launchPersistent(List<String> options) {
    Path directory = Tools.workDirectory("temporal");
    var server = new TemporalDevServer(directory, directory.resolve("temporal.db"), options);
    server.start();
    return server;
  }

  /** The frontend's gRPC address, as {@code TEMPORAL_ADDRESS} takes it. */
  public String address() {
    return "127.0.0.1:" + port;
  }

  /** Starts the process, unless it is running. */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                Tools.binary("temporal").toString(),
                "server",
                "start-dev",
                "--ip=127.0.0.1",
                "--port=" + port,
                "--http-port=" + httpPort,
                "--metrics-port=" + metricsPort,
                "--headless",
                "--log-level=warn",
                "--search-attribute=OrderStatus=Keyword",
                "--search-attribute=TicketId=Keyword",
                "--search-attribute=BuyerId=Keyword",
                "--search-attribute=PayoutStatus=Keyword",
                "--search-attribute=SellerId=Keyword"));
    if (database != null) {
      command.add("--db-filename=" + database);
    }
    command.addAll(options);
    process =
        ExternalProcess.start("temporal", command, directory.resolve("temporal.log"), Map.of())
            .awaitReady(this::serving, Duration.ofSeconds(60));
  }

  public synchronized void stop() {
    if (process != null) {
      process.close();
      process = null;
    }
  }

  @Override
  public void close() {
    stop();
  }

  /** The namespace answers once the server has registered it and its search attributes. */
  private boolean serving() {
    if (!ExternalProcess.listening(port)) {
      return false;
    }
    return run("operator", "search-attribute", "list", "--address", address())
        .contains("OrderStatus");
  }

  /** Runs the Temporal CLI against this server and returns what it printed. */
  public String run(String... arguments) {
    List<String> command = new ArrayList<>(List.of(Tools.binary("temporal").toString()));
    command.addAll(List.of(arguments));
    try {
      Process cli = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(cli.getInputStream().readAllBytes());
      cli.waitFor();
      return output;
    } catch (java.io.IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }
}
