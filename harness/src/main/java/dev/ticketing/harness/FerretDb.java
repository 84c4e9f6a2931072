package dev.ticketing.harness;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A FerretDB process on SQLite: the real MongoDB wire protocol, with data that outlives a stop. */
public final class FerretDb implements AutoCloseable {

  /**
   * FerretDB trims a capped collection to its size only when its cleanup runs, every minute unless
   * told otherwise; the event feeds are capped small because their followers' polls read them whole
   * (EventLog), so it trims every second, as scripts/run.sh starts it too.
   */
  private static final String CAPPED_CLEANUP = "--test-capped-cleanup-interval=1s";

  private final Path directory;
  private final String sqliteParameters;
  private final int port = ExternalProcess.freePort();
  private final int debugPort = ExternalProcess.freePort();
  private @Nullable ExternalProcess process;

  private FerretDb(Path directory, String sqliteParameters) {
    this.directory = directory;
    this.sqliteParameters = sqliteParameters;
  }

  public static FerretDb launch() {
    return launch("");
  }

  /**
   * A server whose SQLite URL carries these query parameters, as {@code --sqlite-url} takes them:
   * {@code _pragma=synchronous(normal)}, say (FerretDB already sets WAL and a busy timeout).
   */
  public static FerretDb launch(String sqliteParameters) {
    var ferretDb = new FerretDb(Tools.workDirectory("ferretdb"), sqliteParameters);
    ferretDb.start();
    return ferretDb;
  }

  /** The server's connection string, without a database. */
  public String uri() {
    return "mongodb://127.0.0.1:" + port;
  }

  /** A connection string naming {@code database}, so each test can keep to its own data. */
  public String uri(String database) {
    return uri() + "/" + database;
  }

  /** Starts the server again on the same port and data, after {@link #stop()}. */
  public synchronized void start() {
    if (process != null) {
      return;
    }
    process =
        ExternalProcess.start(
                "ferretdb",
                List.of(
                    Tools.binary("ferretdb").toString(),
                    "--handler=sqlite",
                    "--sqlite-url=file:"
                        + directory
                        + "/"
                        + (sqliteParameters.isEmpty() ? "" : "?" + sqliteParameters),
                    "--state-dir=" + directory,
                    "--listen-addr=127.0.0.1:" + port,
                    "--debug-addr=127.0.0.1:" + debugPort,
                    "--telemetry=disable",
                    "--log-level=warn",
                    CAPPED_CLEANUP),
                directory.resolve("ferretdb.log"),
                Map.of())
            .awaitReady(() -> ExternalProcess.listening(port), Duration.ofSeconds(20));
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
}
