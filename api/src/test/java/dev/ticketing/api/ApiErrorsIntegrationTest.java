package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient.Answer;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.Poll;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every error, from every layer, has the body {@code {"errors":[{"message":...}]}}. */
class ApiErrorsIntegrationTest extends ApiIntegrationTest {

  @Test
  void unknownRouteIs404() {
    assertError(anonymous().get("/api/nothing-here"), 404, "Not Found");
    assertError(anonymous().post("/api/nothing-here", "{}"), 404, "Not Found");
  }

  @Test
  void wrongMethodIs405() {
    assertError(anonymous().delete("/api/users/signup"), 405, "Method DELETE is not allowed here");
  }

  @Test
  void bodyThatIsNotJsonIs415() {
    Answer answer =
        anonymous()
            .send(
                "POST",
                "/api/users/signup",
                "email=a@b.co",
                "Content-Type",
                "application/x-www-form-urlencoded");

    assertError(answer, 415, "The body must be application/json");
    assertError(
        anonymous().send("POST", "/api/tickets", "{}", "Content-Type", "text/plain"),
        415,
        "The body must be application/json");
  }

  @Test
  void malformedJsonAndBodiesThatAreNoObjectAre400() {
    assertError(
        anonymous().post("/api/users/signup", "{\"email\":"), 400, "The body is not valid JSON");
    assertError(
        anonymous().post("/api/users/signup", "[1, 2]"), 400, "The body must be a JSON object");
    assertError(
        anonymous().post("/api/users/signup", "null"), 400, "The body must be a JSON object");
  }

  @Test
  void bodyOverOneMebibyteIs413BeforeAuthentication() throws Exception {
    String large = "{\"title\":\"" + "x".repeat(BodyLimits.LIMIT) + "\"}";

    assertError(anonymous().post("/api/tickets", large), 413, "The body must be at most 1 MiB");
    assertError(chunked(large), 413, "The body must be at most 1 MiB");
  }

  @Test
  void aMalformedPathIs400InTheErrorFormat() throws Exception {
    // Tomcat refuses these before Spring sees them; the JDK's client would not even send them.
    for (String path : List.of("/api/tickets/%zz", "/api/tickets/%00")) {
      assertThat(raw(path))
          .startsWith("HTTP/1.1 400")
          .contains("Content-Type: application/json")
          .endsWith("{\"errors\":[{\"message\":\"Bad Request\"}]}");
    }
  }

  /** Read from the store, never from the catalog in memory, so it needs the database. */
  private static final String UNKNOWN_TICKET = "/api/tickets/0123456789abcdef01234567";

  @Test
  void aDatabaseOutageIs503WithoutDetails() {
    var ferretDb = LocalStack.ferretDb();
    ferretDb.stop();
    try {
      assertError(anonymous().get(UNKNOWN_TICKET), 503, "Service unavailable");
    } finally {
      ferretDb.start();
    }
    // Health pings every store, so each drops the connections the old server took with it.
    Poll.until(
        "the stores are up again",
        Duration.ofSeconds(30),
        () -> management().get("/actuator/health").status() == 200);
    assertThat(anonymous().get(UNKNOWN_TICKET).status()).isEqualTo(404);
  }

  private String raw(String path) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Answer chunked(String body) throws Exception {
    InputStream stream = new ByteArrayInputStream(body.getBytes());
    var request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/tickets"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> stream))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(),
        dev.ticketing.harness.ApiClient.JSON.readTree(response.body()),
        response.headers());
  }

  private static void assertError(Answer answer, int status, String message) {
    assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
    assertThat(answer.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    assertThat(answer.body().size()).isEqualTo(1);
    assertThat(answer.errors()).containsExactly(message);
  }
}
