package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Mailpit;
import dev.ticketing.harness.Smtp;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mailpit's web UI in Debian's Chromium, showing an email delivered over SMTP: once its scripts
 * ran, the page holds the email's subject and recipient, and a screenshot of it goes to {@code
 * e2e/target/screenshots/mailpit.png}.
 */
class MailpitUiIntegrationTest {

  static final Path SCREENSHOTS = BrowserIntegrationTest.SCREENSHOTS;

  @Test
  void theWebUiShowsADeliveredEmail() throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("Debian's chromium (scripts/chromium.sh, run by make test, installs it)")
        .isExecutable();
    Mailpit mailpit = LocalStack.mailpit();
    String buyer = "buyer-" + System.nanoTime() + "@example.com";
    Smtp.send(
        mailpit.smtpHost(), mailpit.smtpPort(), "tickets@ticketing.test", buyer, receipt(buyer));
    URI page = mailpit.uiUrl().resolve("view/" + mailpit.emailsTo(buyer).getFirst().id());

    Path dom = SCREENSHOTS.resolve("mailpit-dom.log");
    assertThat(chromium("--dump-dom", page, dom)).isNull();
    assertThat(dom).content().contains("Your receipt for Concert", buyer);

    Path screenshot = SCREENSHOTS.resolve("mailpit.png");
    assertThat(chromium("--screenshot=" + screenshot, page, SCREENSHOTS.resolve("mailpit.log")))
        .isNull();
    assertThat(screenshot).isNotEmptyFile();
  }

  /** Runs headless Chromium on the page, its scripts given 5 s; null when it exited 0. */
  static String chromium(String what, URI page, Path log) throws Exception {
    var run =
        new ExternalTestRun(
            List.of(
                "/usr/bin/chromium",
                "--headless",
                "--no-sandbox", // as root, Chromium starts only without its sandbox
                "--disable-gpu",
                "--hide-scrollbars",
                "--window-size=1200,800",
                "--virtual-time-budget=5000",
                what,
                page.toString()),
            SCREENSHOTS,
            log);
    return run.failure(Map.of(), Duration.ofMinutes(1));
  }

  static String receipt(String to) {
    return String.join(
        "\r\n",
        "From: Ticketing <tickets@ticketing.test>",
        "To: " + to,
        "Subject: Your receipt for Concert",
        "MIME-Version: 1.0",
        "Content-Type: multipart/alternative; boundary=\"b\"",
        "",
        "--b",
        "Content-Type: text/plain; charset=UTF-8",
        "",
        "Thank you for your purchase. Order 123: Concert, $19.99.",
        "--b",
        "Content-Type: text/html; charset=UTF-8",
        "",
        "<h1>Thank you for your purchase</h1><p>Order <b>123</b>: Concert, $19.99.</p>",
        "--b--");
  }
}
