package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient;
import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.Poll;
import dev.ticketing.users.Users;
import dev.ticketing.workflows.UserId;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The probes an attacker tried against the API's edge, each answered at once with a 4xx in the
 * error format (or, for the headers, as they should be), and nothing stored otherwise than sent.
 */
class EdgeIntegrationTest extends ApiIntegrationTest {

  private static final String BAD_REQUEST = "{\"errors\":[{\"message\":\"Bad Request\"}]}";

  @Autowired Users users;

  @Test
  void aMebibyteTitleIsRefusedInLinearTime() {
    ApiClient seller = signedUp();
    long small = fastestRefusal(seller, 100_000);
    long large = fastestRefusal(seller, 1_000_000);

    // A quadratic check took 5.7 s for 20,000 spaces, and hours for a mebibyte.
    assertThat(Duration.ofNanos(large)).isLessThan(Duration.ofSeconds(2));
    assertThat(large)
        .as("10 times the input, far less than 100 times the time")
        .isLessThan(30 * small + TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  void anEmailWithHalfASurrogatePairIsRefusedAndNeverStored() {
    String body = "{\"email\":\"a\\ud800z@x.io\",\"password\":\"password1\"}";
    for (int attempt = 0; attempt < 2; attempt++) {
      Answer answer = anonymous().send("POST", "/api/users/signup", body);
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.errors()).containsExactly("Email must be valid@email");
    }
    String title = "{\"title\":\"Con\\u0000cert\",\"price\":10}";
    assertThat(signedUp().send("POST", "/api/tickets", title).errors())
        .containsExactly("Title must not contain NUL or unpaired surrogate characters@title");
  }

  @Test
  void queriesThatCannotBeDecodedAre400() throws Exception {
    String cookie = signedUp().sessionCookie();
    for (String request :
        List.of(
            "GET /api/tickets?=x",
            "GET /api/tickets?limit=%zz",
            "GET /api/payments?orderId=%ff%fe",
            "GET /error")) {
      String answer = raw(request, "Cookie: " + cookie, "");
      assertThat(status(answer)).as(request).isBetween(400, 499);
      assertThat(answer).as(request).contains("{\"errors\":[{\"message\":");
    }
    assertThat(raw("GET /error", "", "")).startsWith("HTTP/1.1 404");
    // Routes that read no parameter: Tomcat decodes a query only when it is read.
    for (String request :
        List.of(
            "GET /api/orders?x=%zz",
            "GET /api/users/currentuser?x=%ff",
            "GET /api/tickets/" + new ObjectId() + "?%00",
            "POST /api/tickets?%zz")) {
      String answer =
          raw(
              request,
              "Cookie: " + cookie + "\r\nContent-Type: application/json",
              "{\"title\":\"Gig\",\"price\":1}");
      assertThat(answer).as(request).startsWith("HTTP/1.1 400").contains(BAD_REQUEST);
    }
  }

  @Test
  void aBodyOfMalformedUtf8IsRefusedNotReadAsWhatItSpells() throws Exception {
    String cookie = signedUp().sessionCookie();
    for (byte[] malformed :
        List.of(
            new byte[] {(byte) 0xc0, (byte) 0xaf}, // an overlong '/'
            new byte[] {(byte) 0xc0, (byte) 0x80}, // an overlong NUL
            new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, // a surrogate's own bytes
            new byte[] {(byte) 0xf5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, // past U+10FFFF
            new byte[] {(byte) 0xff})) {
      var body = new java.io.ByteArrayOutputStream();
      body.writeBytes("{\"title\":\"a".getBytes(StandardCharsets.UTF_8));
      body.writeBytes(malformed);
      body.writeBytes("b\",\"price\":1}".getBytes(StandardCharsets.UTF_8));

      String answer =
          rawLine(
              "POST /api/tickets HTTP/1.1\r\nHost: 127.0.0.1:"
                  + port
                  + "\r\nCookie: "
                  + cookie
                  + "\r\nContent-Type: application/json\r\nContent-Length: "
                  + body.size(),
              body.toByteArray());

      assertThat(answer)
          .startsWith("HTTP/1.1 400")
          .contains("{\"errors\":[{\"message\":\"The body is not valid JSON\"}]}");
    }
  }

  @Test
  void anErrorIsJsonWhateverTheAcceptHeaderAsks() {
    for (String accept : List.of("application/xml", "text/html")) {
      Answer missing = anonymous().send("GET", "/api/tickets/zzz", null, "Accept", accept);
      Answer signedOut = anonymous().send("GET", "/api/orders", null, "Accept", accept);
      Answer list = anonymous().send("GET", "/api/tickets", null, "Accept", accept);

      assertThat(missing.status()).as(accept).isEqualTo(404);
      assertThat(missing.errors()).as(accept).containsExactly("Not Found");
      assertThat(signedOut.errors()).as(accept).containsExactly("Not authorized");
      assertThat(list.status()).as(accept).isEqualTo(406);
      assertThat(list.errors())
          .as(accept)
          .containsExactly("Only application/json answers are available");
    }
  }

  @Test
  void anIdThatDecodesIs404ThoughTheFirewallRefusesIt() throws Exception {
    for (String id : List.of("%2e%2e%2f", "a%2eb", "%3B", "x;y=1", "%0a", "..%2F..")) {
      assertThat(raw("GET /api/tickets/" + id, "", ""))
          .as(id)
          .startsWith("HTTP/1.1 404")
          .contains("{\"errors\":[{\"message\":\"Not Found\"}]}");
    }
    assertThat(WebSecurity.decodes("/api/tickets/%c0%af")).isFalse();
    assertThat(WebSecurity.decodes("/api/tickets/%00")).isFalse();
    assertThat(WebSecurity.decodes("/api/tickets/%2")).isFalse();
    assertThat(WebSecurity.decodes("/api/tickets/%e2%82%ac")).isTrue();
  }

  @Test
  void theApiFolderItselfIsNoPage() {
    for (String path : List.of("/api", "/api/")) {
      Answer answer = anonymous().get(path);
      assertThat(answer.status()).as(path).isEqualTo(404);
      assertThat(answer.errors()).as(path).containsExactly("Not Found");
    }
  }

  @Test
  void bodilessMultipartAndWildcardContentTypesAre4xx() throws Exception {
    String cookie = signedUp().sessionCookie();
    for (String type : List.of("multipart/form-data", "multipart/mixed")) {
      String answer =
          raw("POST /api/tickets", "Cookie: " + cookie + "\r\nContent-Type: " + type, "");
      assertThat(status(answer)).as(type).isBetween(400, 499);
    }
    for (String type : List.of("*/*", "application/*", "application/vnd.x+json")) {
      Answer answer = anonymous().send("POST", "/api/users/signin", "{}", "Content-Type", type);
      assertThat(answer.status()).as(type).isEqualTo(415);
      assertThat(answer.errors()).containsExactly("The body must be application/json");
    }
  }

  @Test
  void unsupportedMethodsAndVersionsSayWhatTheyAre() throws Exception {
    Answer wrongMethod = anonymous().delete("/api/users/signup");

    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
    assertThat(raw("FOO /api/tickets", "", ""))
        .startsWith("HTTP/1.1 405")
        .containsPattern("Allow: (GET,POST|POST,GET)")
        .contains("Method FOO is not allowed here");
    assertThat(raw("POST /api/tickets", "Transfer-Encoding: gzip", ""))
        .startsWith("HTTP/1.1 501")
        .contains("{\"errors\":[{\"message\":\"Not Implemented\"}]}");
    assertThat(rawLine("GET /api/tickets HTTP/2.5"))
        .startsWith("HTTP/1.1 505")
        .contains("{\"errors\":[{\"message\":\"HTTP Version not supported\"}]}");
  }

  @Test
  void aPriceIsAsciiDigitsOnly() {
    ApiClient seller = signedUp();
    for (String price : List.of("\"\uFF11\uFF12\"", "\"1e3\"", "\" 12\"", "\"12,50\"")) {
      assertThat(
              seller
                  .send("POST", "/api/tickets", "{\"title\":\"Gig\",\"price\":" + price + "}")
                  .errors())
          .as(price)
          .containsExactly("Price must be greater than 0@price");
    }
  }

  @Test
  void anOversizedPaymentTokenIsRefusedWithoutEchoingIt() {
    String token = "tok_" + "x".repeat(900_000);

    Answer answer =
        signedUp()
            .post("/api/payments", Map.of("orderId", "6b06ddcdcca1f3f6e6fea0d9", "token", token));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.errors()).containsExactly("Token must be at most 255 characters@token");
    assertThat(answer.toString()).doesNotContain("xxxxxxxx");
  }

  @Test
  void currentPasswordGuessesAreThrottledLikeSignIns() {
    ApiClient user = signedUp();
    for (int i = 0; i < 10; i++) {
      assertThat(
              user.patch("/api/users/currentuser", Map.of("currentPassword", "wrong-" + i))
                  .status())
          .isEqualTo(400);
    }

    Answer locked = user.patch("/api/users/currentuser", Map.of("currentPassword", "password1"));

    assertThat(locked.status()).isEqualTo(429);
  }

  @Test
  void signingOutEndsTheTokenEverywhere() throws Exception {
    ApiClient user = signedUp();
    String stolen = user.sessionCookie();
    user.post("/api/users/signout", "");

    assertThat(raw("GET /api/orders", "Cookie: " + stolen, "")).startsWith("HTTP/1.1 401");
    assertThat(raw("GET /api/users/currentuser", "Cookie: " + stolen, ""))
        .endsWith("{\"currentUser\":null}");
  }

  @Test
  void aSignOutThatAnotherApiProcessRecordedEndsTheTokenHereWithinTheFeedsPoll() {
    ApiClient user = signedUp();
    assertThat(user.get("/api/orders").status()).isEqualTo(200);
    UserId id = idOf(user);

    users.signOut(id); // straight into the store, as another API process's sign-out lands there

    Poll.until(
        "the other process's sign-out is heard",
        Duration.ofSeconds(5),
        () -> user.get("/api/orders").status() == 401);
  }

  @Test
  void aSessionNewerThanTheOneHeardOfIsReadNotRefused() {
    ApiClient user = anonymous();
    String email = uniqueEmail();
    user.signUp(email);
    users.signOut(idOf(user)); // elsewhere, unheard of yet; then signed in again, here
    ApiClient again = anonymous();
    again.post("/api/users/signin", Map.of("email", email, "password", "password1"));

    assertThat(again.get("/api/orders").status()).isEqualTo(200);
  }

  private static UserId idOf(ApiClient user) {
    return new UserId(
        user.get("/api/users/currentuser").body().path("currentUser").path("id").asString());
  }

  @Test
  void everyAnswerCarriesTheSecurityHeadersAndPersonalOnesAreNotStored() {
    ApiClient user = signedUp();
    for (Answer answer :
        List.of(
            user.get("/api/users/currentuser"),
            user.get("/api/orders"),
            anonymous().get("/api/nothing-here"),
            anonymous().post("/api/tickets", Map.of()))) {
      var headers = answer.headers();
      assertThat(headers.firstValue("Content-Security-Policy"))
          .get()
          .asString()
          .contains("default-src 'self'", "frame-ancestors 'none'");
      assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
      assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
      assertThat(headers.firstValue("Cache-Control")).get().asString().contains("no-store");
    }
  }

  @Test
  void aHeadIsAnsweredAsItsGetSignedInOrNot() {
    String order = "/api/orders/" + new ObjectId();
    for (ApiClient client : List.of(anonymous(), signedUp())) {
      for (String path :
          List.of(
              "/api/orders",
              order,
              "/api/payments?orderId=" + new ObjectId(),
              "/api/sales",
              "/api/payouts",
              "/api/payouts/account",
              "/api/users/currentuser",
              "/api/tickets")) {
        assertThat(client.send("HEAD", path, null).status())
            .as(path)
            .isEqualTo(client.get(path).status());
      }
    }
  }

  @Test
  void metricsAreNotOnThePublicPort() {
    assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(404);
    assertThat(management().get("/actuator/prometheus").status()).isEqualTo(200);
  }

  @Test
  void aWriteAnotherSiteSendsIsRefused() {
    ApiClient user = signedUp();
    var ticket = "{\"title\":\"Gig\",\"price\":10}";

    assertThat(user.send("POST", "/api/tickets", ticket, "Origin", "https://evil.example").errors())
        .containsExactly("Cross-site requests are not allowed");
    assertThat(user.send("POST", "/api/tickets", ticket, "Sec-Fetch-Site", "cross-site").status())
        .isEqualTo(403);
    assertThat(
            user.send(
                    "POST",
                    "/api/tickets",
                    ticket,
                    "Sec-Fetch-Site",
                    "same-origin",
                    "Origin",
                    "http://127.0.0.1:" + port)
                .status())
        .isEqualTo(201);
  }

  private static long fastestRefusal(ApiClient seller, int spaces) {
    String body = "{\"title\":\"a" + " ".repeat(spaces) + "a\",\"price\":10}";
    long fastest = Long.MAX_VALUE;
    for (int run = 0; run < 3; run++) {
      long start = System.nanoTime();
      Answer answer = seller.send("POST", "/api/tickets", body);
      fastest = Math.min(fastest, System.nanoTime() - start);
      assertThat(answer.errors()).containsExactly("Title must be at most 200 characters@title");
    }
    return fastest;
  }

  /** A request as sent over a socket, for what the JDK's client refuses to send. */
  private String raw(String requestLine, String headers, String body) throws IOException {
    return rawLine(
        requestLine
            + " HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + (headers.isEmpty() ? "" : "\r\n" + headers)
            + (body.isEmpty() ? "" : "\r\nContent-Length: " + body.length()),
        body);
  }

  private String rawLine(String requestLine) throws IOException {
    return rawLine(requestLine + "\r\nHost: 127.0.0.1:" + port, "");
  }

  private String rawLine(String head, String body) throws IOException {
    return rawLine(head, body.getBytes(StandardCharsets.UTF_8));
  }

  private String rawLine(String head, byte[] body) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
      out.write(body);
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static int status(String answer) {
    return Integer.parseInt(answer.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
  }
}
