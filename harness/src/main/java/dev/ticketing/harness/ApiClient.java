package dev.ticketing.harness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * One user's side of the HTTP API, as a browser or curl would use it: JSON in and out, the session
 * cookie kept between calls.
 */
public final class ApiClient {

  public static final JsonMapper JSON = JsonMapper.builder().build();

  /** An answer: its status, its JSON body (missing when empty or not JSON) and its headers. */
  public record Answer(int status, JsonNode body, HttpHeaders headers) {

    /** The first error's message, as {@code {"errors":[{"message":...}]}} gives it. */
    public String message() {
      return body.path("errors").path(0).path("message").asString("");
    }

    /** Every error's message and field, as {@code message@field} (or the message alone). */
    public List<String> errors() {
      return body.path("errors")
          .valueStream()
          .map(e ->
              e.path("field").isMissingNode()
                  ? e.path("message").asString()
                  : e.path("message").asString() + "@" + e.path("field").asString())
          .toList();
    }

    public String text(String field) {
      return body.path(field).asString();
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }

  private final URI base;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();

  public ApiClient(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The session cookie this client holds, as a {@code Cookie} header's value. */
  public String sessionCookie() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals("session"))
        .map(cookie -> "session=" + cookie.getValue())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("Not signed in"));
  }

  public Answer get(String path) {
    return send("GET", path, null);
  }

  public Answer post(String path, Object body) {
    return send("POST", path, json(body));
  }

  public Answer put(String path, Object body, String... headers) {
    return send("PUT", path, json(body), headers);
  }

  public Answer patch(String path, Object body) {
    return send("PATCH", path, json(body));
  }

  public Answer delete(String path) {
    return send("DELETE", path, null);
  }

  /** Opens the live event stream as this user, resuming after {@code lastEventId} if given. */
  public EventStream events(@Nullable String lastEventId) {
    var request =
        HttpRequest.newBuilder(base.resolve("/api/events/stream"))
            .header("Accept", "text/event-stream");
    if (lastEventId != null) {
      request.header("Last-Event-ID", lastEventId);
    }
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("The event stream answered " + response.statusCode());
      }
      return new EventStream(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException("The event stream could not be opened", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  /** Signs up a new user with this email, signed in from then on; answers the user. */
  public Answer signUp(String email) {
    return post("/api/users/signup", Map.of("email", email, "password", "password1"));
  }

  /**
   * Any request: {@code body} is sent as JSON when given, {@code headers} are name-value pairs and
   * may replace the content type.
   */
  public Answer send(String method, String path, @Nullable String body, String... headers) {
    var request =
        HttpRequest.newBuilder(base.resolve(path))
            .timeout(Duration.ofSeconds(90))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.setHeader(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), parse(response.body()), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  private static String json(Object body) {
    return body instanceof String text ? text : JSON.writeValueAsString(body);
  }

  private static JsonNode parse(String body) {
    try {
      return body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
    } catch (RuntimeException e) {
      return MissingNode.getInstance();
    }
  }
}
