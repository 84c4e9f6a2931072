package dev.ticketing.harness;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** stripe-mock: Stripe's API validated against its OpenAPI document, with fixture answers. */
public final class StripeMock implements AutoCloseable {

  private final int port = ExternalProcess.freePort();
  private final ExternalProcess process;

  private StripeMock() {
    var directory = Tools.workDirectory("stripe-mock");
    process =
        ExternalProcess.start(
                "stripe-mock",
                List.of(Tools.binary("stripe-mock").toString(), "-http-port", String.valueOf(port)),
                directory.resolve("stripe-mock.log"),
                Map.of())
            .awaitReady(() -> ExternalProcess.listening(port), Duration.ofSeconds(20));
  }

  public static StripeMock launch() {
    return new StripeMock();
  }

  /** The base URL to give stripe-java in place of {@code https://api.stripe.com}. */
  public String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.close();
  }
}
