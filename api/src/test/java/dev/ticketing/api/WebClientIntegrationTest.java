package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient.Answer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
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
    Answer asset = anonymous().send("GET", scriptPath(), null);

    assertThat(asset.status()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    assertThat(anonymous().get("/assets/missing.js").status()).isEqualTo(404);
    assertThat(anonymous().get("/api/no-such-thing").errors()).containsExactly("Not Found");
  }

  @Test
  void aBuiltAssetGoesCompressedToABrowserThatAcceptsItAndPlainToOneThatDoesNot() {
    String script = scriptPath();

    HttpResponse<byte[]> plain = fetch(script, null);
    HttpResponse<byte[]> brotli = fetch(script, "gzip, deflate, br, zstd");
    HttpResponse<byte[]> gzip = fetch(script, "gzip");

    assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
    assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
    assertThat(brotli.body().length).isLessThan(plain.body().length / 3);
    assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gunzip(gzip.body())).isEqualTo(plain.body());
    for (HttpResponse<byte[]> answer : List.of(plain, brotli, gzip)) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("javascript");
      assertThat(answer.headers().allValues("Vary")).contains("Accept-Encoding");
      assertThat(answer.headers().firstValue("Cache-Control").orElse("")).contains("immutable");
    }
  }

  @Test
  void theIndexPageOfAClientRouteIsCompressedTooAndStillNeverCached() {
    HttpResponse<byte[]> page = fetch("/orders/6b06ddcdcca1f3f6e6fea0d9", "gzip");

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(page.headers().allValues("Vary")).contains("Accept-Encoding");
    assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(new String(gunzip(page.body()), StandardCharsets.UTF_8))
        .contains("<div id=\"root\">");
  }

  @Test
  void theConfigGivesTheServerTimeToTheMillisecondTheOrderHoldAndNoStripeKeyInSandboxMode() {
    Instant before = Instant.now().minusMillis(1);

    Answer config = anonymous().get("/api/config");

    assertThat(config.body().path("stripePublishableKey").isNull()).isTrue();
    Instant serverTime = Instant.parse(config.text("serverTime"));
    assertThat(serverTime).isBetween(before, Instant.now().plus(Duration.ofSeconds(1)));
    assertThat(config.text("serverTime")).matches(".*T\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,3})?Z");
    assertThat(config.body().path("orderHoldSeconds").asLong()).isEqualTo(15 * 60);
  }

  private String scriptPath() {
    Matcher script = Pattern.compile("/assets/[^\"]+\\.js").matcher(raw("/"));
    assertThat(script.find()).isTrue();
    return script.group();
  }

  private HttpResponse<byte[]> fetch(String path, @Nullable String acceptEncoding) {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (acceptEncoding != null) {
      request.header("Accept-Encoding", acceptEncoding);
    }
    try {
      return HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static byte[] gunzip(byte[] compressed) {
    try (var in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Answer page(String path) {
    return anonymous().send("GET", path, null, "Accept", "text/html");
  }

  private String raw(String path) {
    return new String(fetch(path, null).body(), StandardCharsets.UTF_8);
  }
}
