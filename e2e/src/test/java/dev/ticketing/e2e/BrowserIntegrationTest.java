package dev.ticketing.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The web client in Debian's Chromium, driven by Playwright ({@code web/e2e/marketplace.mjs})
 * against the real stack: the home page's first paint on a throttled phone; a seller and a buyer
 * sell, page through the tickets, buy and pay while their pages update live; a purchase on a phone
 * after a declined card; an unpaid order that expires. Every page passes axe-core's WCAG 2.1 AA
 * rules at 1280×800 and 390×844, has a title of its own and, after a navigation, the focus on its
 * heading. Screenshots of every page and the log ({@code marketplace.log}, with the first-paint
 * figure and the transfer sizes) go to {@code e2e/target/screenshots}.
 */
class BrowserIntegrationTest {

  static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

  final EndToEndStack stack = EndToEndStack.get();

  @Test
  void usersTradeTicketsOnDesktopAndPhoneOnAccessiblePagesAndAnUnpaidOrderExpires()
      throws Exception {
    assertThat(Path.of("/usr/bin/chromium"))
        .as("Debian's chromium (scripts/chromium.sh, run by make test, installs it)")
        .isExecutable();
    var browser =
        new ExternalTestRun(
            List.of("npm", "run", "e2e"),
            ExternalTestRun.ROOT.resolve("web"),
            SCREENSHOTS.resolve("marketplace.log"));

    String failure =
        browser.failure(
            Map.of(
                "BASE_URL", stack.patientApi().uri().toString(),
                "EXPIRY_BASE_URL", stack.api.uri().toString(),
                "SCREENSHOTS_DIR", SCREENSHOTS.toString()),
            Duration.ofMinutes(5));

    assertThat(failure).isNull();
    assertThat(SCREENSHOTS.resolve("order.png")).exists();
    assertThat(SCREENSHOTS.resolve("order-phone.png")).exists();
  }
}
