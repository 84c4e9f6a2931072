package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient.Answer;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class WebClientIntegrationTest extends ApiIntegrationTest {

  @Test
  void servesTheClientAtTheRootAndForEveryPageOfIts() {
    for (String page : new String[] {"/", "/orders/6b06ddcdcca1f3f6e6fea0d9", "/tickets/new"}) {
      Answer answer = page(page);
      assertThat(answer.status()).as(page).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(answer.headers().firstValue("Cache-Control")).hasValue("no-cache");
    }
  }

  @Test
  void aBuiltAssetIsCachedForGoodAndAMissingOneIs404() {
    Matcher script = Pattern.compile("/assets/[^\"]+\\.js").matcher(raw("/"));
    assertThat(script.find()).isTrue();

    Answer asset = anonymous().send("GET", script.group(), null);

    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    assertThat(anonymous().get("/assets/missing.js").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/no-such-thing").errors()).containsExactly("Not Found");
  }

  @Test
  void theConfigGivesTheServerTimeToTheMillisecondAndNoStripeKeyInSandboxMode() {
    Instant before = Instant.now().minusMillis(1);

    Answer config = anonymous().get("/api/config");

    assertThat(config.body().path("stripePublishableKey").isNull()).isTrue();
    Instant serverTime = Instant.parse(config.text("serverTime"));
    assertThat(serverTime).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
    assertThat(config.text("serverTime")).matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
  }

  private Answer page(String path) {
    return anonymous().send("GET", path, null, "Accept", "text/html");
  }

  private String raw(String path) {
    try {
      var request =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create("http://127.0.0.1:" + port + path))
              .build();
      return java.net.http.HttpClient.newHttpClient()
          .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
          .body();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
