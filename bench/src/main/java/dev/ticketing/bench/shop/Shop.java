package dev.ticketing.bench.shop;

import dev.ticketing.bench.load.Crowd;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/** The marketplace as a buyer's or seller's client sees it: the REST API over HTTP/1.1. */
public final class Shop {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final URI api;
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public Shop(URI api) {
    this.api = api;
  }

  /** A new user with a unique email; fails if the API refuses. */
  public Account signUp(String prefix) {
    String email = prefix + "-" + new ObjectId().toHexString() + "@bench.test";
    Sent sent =
        send(
            null,
            "POST",
            "/api/users/signup",
            Map.of("email", email, "password", "password1"),
            Map.of());
    String session = sent.session();
    if (!sent.is(201) || session == null) {
      throw new IllegalStateException(
          "Sign-up refused: " + sent.reply().status() + " " + sent.reply().body());
    }
    return new Account(sent.reply().text("id"), email, session);
  }

  /** {@code count} new users, signed up {@code concurrency} at a time. */
  public List<Account> signUp(String prefix, int count, int concurrency) {
    List<Account> accounts = Collections.synchronizedList(new ArrayList<>());
    Crowd.work(
        concurrency,
        IntStream.range(0, count).boxed().toList(),
        (client, job) -> accounts.add(signUp(prefix)));
    return List.copyOf(accounts);
  }

  /** {@code count} new tickets from the sellers in turn, at 20.00 each; answers their ids. */
  public List<String> listTickets(List<Account> sellers, int count) {
    List<String> tickets = Collections.synchronizedList(new ArrayList<>());
    Crowd.work(
        8,
        IntStream.range(0, count).boxed().toList(),
        (client, job) ->
            tickets.add(list(sellers.get(job % sellers.size()), "Bench ticket " + job, "20.00")));
    return List.copyOf(tickets);
  }

  /** Lists a ticket and answers its id; fails if the API refuses. */
  public String list(Account seller, String title, String price) {
    Reply reply = call(seller, "POST", "/api/tickets", Map.of("title", title, "price", price));
    if (!reply.is(201)) {
      throw new IllegalStateException("Listing refused: " + reply.status() + " " + reply.body());
    }
    return reply.text("id");
  }

  public Reply reserve(Account buyer, String ticketId) {
    return call(buyer, "POST", "/api/orders", Map.of("ticketId", ticketId));
  }

  /** A reservation that may be repeated: every repeat with the key answers the same order. */
  public Reply reserve(Account buyer, String ticketId, String idempotencyKey) {
    return send(
            buyer.session(),
            "POST",
            "/api/orders",
            Map.of("ticketId", ticketId),
            Map.of("Idempotency-Key", idempotencyKey))
        .reply();
  }

  public Reply pay(Account buyer, String orderId, String token) {
    return call(buyer, "POST", "/api/payments", Map.of("orderId", orderId, "token", token));
  }

  /** The buyer's payments for an order, with Stripe's id of each ({@code stripeId}). */
  public Reply payments(Account buyer, String orderId) {
    return call(buyer, "GET", "/api/payments?orderId=" + orderId, null);
  }

  /** Opens the seller's payout account (the offline sandbox makes it active at once). */
  public Reply openPayoutAccount(Account seller) {
    return call(seller, "POST", "/api/payouts/account", null);
  }

  public Reply cancel(Account buyer, String orderId) {
    return call(buyer, "DELETE", "/api/orders/" + orderId, null);
  }

  /** The first page of tickets for sale. */
  public Reply available() {
    return call(null, "GET", "/api/tickets?limit=100", null);
  }

  /** A GET of any path, as {@code user} or signed out ({@code null}). */
  public Reply get(@Nullable Account user, String pathAndQuery) {
    return call(user, "GET", pathAndQuery, null);
  }

  public Reply orders(Account buyer) {
    return call(buyer, "GET", "/api/orders", null);
  }

  public Reply ticket(String ticketId) {
    return call(null, "GET", "/api/tickets/" + ticketId, null);
  }

  /** A connection of the buyer's own, opened by its first request and kept (see {@link Tab}). */
  public Tab open(Account buyer) {
    return new Tab(api, buyer);
  }

  private Reply call(
      @Nullable Account user, String method, String path, @Nullable Map<String, String> body) {
    return send(user == null ? null : user.session(), method, path, body, Map.of()).reply;
  }

  private record Sent(Reply reply, @Nullable String session) {
    boolean is(int status) {
      return reply.is(status);
    }
  }

  private Sent send(
      @Nullable String session,
      String method,
      String path,
      @Nullable Map<String, String> body,
      Map<String, String> headers) {
    var request = HttpRequest.newBuilder(api.resolve(path)).timeout(TIMEOUT);
    headers.forEach(request::header);
    if (session != null) {
      request.header("Cookie", "session=" + session);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json");
      request.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    long start = System.nanoTime();
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      long nanos = System.nanoTime() - start;
      return new Sent(
          new Reply(response.statusCode(), parse(response.body()), nanos), sessionOf(response));
    } catch (IOException e) {
      return new Sent(Reply.unanswered(System.nanoTime() - start), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Sent(Reply.unanswered(System.nanoTime() - start), null);
    }
  }

  static JsonNode parse(@Nullable String body) {
    if (body == null || body.isBlank()) {
      return MissingNode.getInstance();
    }
    try {
      return JSON.readTree(body);
    } catch (RuntimeException notJson) {
      return MissingNode.getInstance();
    }
  }

  private static @Nullable String sessionOf(HttpResponse<?> response) {
    for (String cookie : response.headers().allValues("Set-Cookie")) {
      if (cookie.startsWith("session=")) {
        int end = cookie.indexOf(';');
        return cookie.substring("session=".length(), end < 0 ? cookie.length() : end);
      }
    }
    return null;
  }
}
