package dev.ticketing.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Mailpit: a real SMTP server that keeps every email it receives, with a web UI and a REST API to
 * read them back. No SMTP authentication, and nothing looked up on the internet. An email whose
 * Message-ID it has seen is kept too (no {@code --ignore-duplicate-ids}), so a repeat can be
 * counted.
 */
public final class Mailpit implements AutoCloseable {

  /** A mailbox: its display name (empty when none was given) and its address. */
  public record Address(String name, String address) {}

  /** An email as Mailpit parsed it; {@code headers} are the sent ones, plus Mailpit's own. */
  public record Email(
      String id,
      String messageId,
      Address from,
      List<Address> to,
      String subject,
      String text,
      String html,
      Map<String, List<String>> headers) {}

  // Mailpit answers 50 emails unless asked for more; a test run sends far fewer than this.
  private static final int LIMIT = 1000;

  private final int smtpPort = ExternalProcess.freePort();
  private final int httpPort = ExternalProcess.freePort();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final ExternalProcess process;

  private Mailpit() {
    Path directory = Tools.workDirectory("mailpit");
    process =
        ExternalProcess.start(
                "mailpit",
                List.of(
                    Tools.binary("mailpit").toString(),
                    "--database=" + directory.resolve("mailpit.db"),
                    "--smtp=127.0.0.1:" + smtpPort,
                    "--listen=127.0.0.1:" + httpPort,
                    "--max=0", // keeps every email: the default prunes past 500
                    "--disable-version-check",
                    "--smtp-disable-rdns"),
                directory.resolve("mailpit.log"),
                Map.of())
            .awaitReady(
                () ->
                    ExternalProcess.listening(smtpPort)
                        && ExternalProcess.answers(uiUrl().resolve("readyz")),
                Duration.ofSeconds(20));
  }

  public static Mailpit launch() {
    return new Mailpit();
  }

  /** The SMTP server's host, as {@code MAIL_HOST} takes it. */
  public String smtpHost() {
    return "127.0.0.1";
  }

  /** The SMTP server's port, as {@code MAIL_PORT} takes it. */
  public int smtpPort() {
    return smtpPort;
  }

  /** The web UI, whose {@code api/v1/} holds the REST API and its documentation. */
  public URI uiUrl() {
    return URI.create("http://127.0.0.1:" + httpPort + "/");
  }

  /** Every email received, oldest first. */
  public List<Email> emails() {
    return emails(get("api/v1/messages?limit=" + LIMIT));
  }

  /**
   * The Message-ID of every email received, without its angle brackets; a repeat is listed again.
   */
  public List<String> messageIds() {
    List<String> ids = new ArrayList<>();
    JsonNode page;
    do {
      page = get("api/v1/messages?limit=" + LIMIT + "&start=" + ids.size());
      page.path("messages")
          .valueStream()
          .map(m -> m.path("MessageID").asString())
          .forEach(ids::add);
    } while (page.path("count").asInt() > 0 && ids.size() < page.path("messages_count").asInt());
    return ids;
  }

  /** The emails whose To names exactly {@code address} (in any case), oldest first. */
  public List<Email> emailsTo(String address) {
    // Mailpit's to: search matches a part of an address (bob@x finds jimbob@x), hence the filter.
    String query = URLEncoder.encode("to:" + address, StandardCharsets.UTF_8);
    return emails(get("api/v1/search?limit=" + LIMIT + "&query=" + query)).stream()
        .filter(email -> email.to().stream().anyMatch(to -> to.address().equalsIgnoreCase(address)))
        .toList();
  }

  /** Forgets every email received, every test's: a test run shares one Mailpit. */
  public void deleteAll() {
    send(HttpRequest.newBuilder(uiUrl().resolve("api/v1/messages")).DELETE());
  }

  @Override
  public void close() {
    process.close();
  }

  private List<Email> emails(JsonNode summaries) {
    return summaries
        .path("messages")
        .valueStream()
        .map(summary -> email(summary.path("ID").asString()))
        .toList()
        .reversed();
  }

  private Email email(String id) {
    JsonNode message = get("api/v1/message/" + id);
    Map<String, List<String>> headers =
        ApiClient.JSON.readValue(
            send(HttpRequest.newBuilder(uiUrl().resolve("api/v1/message/" + id + "/headers"))),
            new TypeReference<>() {});
    return new Email(
        id,
        message.path("MessageID").asString(),
        address(message.path("From")),
        message.path("To").valueStream().map(Mailpit::address).toList(),
        message.path("Subject").asString(),
        message.path("Text").asString(),
        message.path("HTML").asString(),
        headers);
  }

  private static Address address(JsonNode address) {
    return new Address(address.path("Name").asString(), address.path("Address").asString());
  }

  private JsonNode get(String path) {
    return ApiClient.JSON.readTree(send(HttpRequest.newBuilder(uiUrl().resolve(path))));
  }

  private String send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException(
            "Mailpit answered "
                + response.statusCode()
                + " to "
                + response.request().uri()
                + ": "
                + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }
}
