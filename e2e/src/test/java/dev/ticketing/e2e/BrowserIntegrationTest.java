package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The web client in Debian's Chromium, driven by Playwright ({@code web/e2e/marketplace.mjs})
 * against the real stack: two users sell, buy and pay while their pages update live, and an unpaid
 * order expires. Screenshots of every page go to {@code e2e/target/screenshots}.
 */
class BrowserIntegrationTest {

  static final Path WEB = Path.of("..", "web").toAbsolutePath().normalize();
  static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  final EndToEndStack stack = EndToEndStack.get();

  @Test
  void twoUsersTradeATicketLiveAndAnUnpaidOrderExpires() throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("Debian's chromium (scripts/chromium.sh, run by make test, installs it)")
        .isExecutable();
    Files.createDirectories(SCREENSHOTS);
    Path log = SCREENSHOTS.resolve("marketplace.log");

    var browserTest =
        new ProcessBuilder(List.of("npm", "run", "e2e"))
            .directory(WEB.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    browserTest.environment().put("BASE_URL", stack.patientApi().uri().toString());
    browserTest.environment().put("EXPIRY_BASE_URL", stack.api.uri().toString());
    browserTest.environment().put("SCREENSHOTS_DIR", SCREENSHOTS.toString());
    Process run = browserTest.start();

    boolean finished = run.waitFor(5, TimeUnit.MINUTES);
    if (!finished) {
      run.destroyForcibly();
    }
    assertThat(finished && run.exitValue() == 0).as(output(log)).isTrue();
    assertThat(SCREENSHOTS.resolve("order.png")).exists();
  }

  private static String output(Path log) {
    try {
      return "The browser test failed:\n" + Files.readString(log);
    } catch (IOException e) {
      return "The browser test failed, and its log is unreadable: " + e;
    }
  }
}
