package dev.ticketing.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A real Mailpit: what is sent to it over SMTP is read back through its REST API; its UI loads. */
@ExtendWith(LocalStack.class)
class MailpitIntegrationTest {

  // The scripts and styles a page loads from Mailpit's built assets (dist/), by src or href.
  static final Pattern ASSET = Pattern.compile("(?:src|href)=\"?([^\" >]*dist/[^\" >]+)");

  final HttpClient http = HttpClient.newHttpClient();

  @Test
  void anEmailSentOverSmtpIsReadBackWithItsTextHtmlAndHeaders(Mailpit mailpit) {
    String buyer = unique("buyer");

    send(mailpit, buyer, "Your receipt for Concert", "order-1:paid");

    assertThat(mailpit.emailsTo(buyer))
        .singleElement()
        .satisfies(email -> {
          assertThat(email.from())
              .isEqualTo(new Mailpit.Address("Ticketing", "tickets@ticketing.test"));
          assertThat(email.to()).containsExactly(new Mailpit.Address("", buyer));
          assertThat(email.subject()).isEqualTo("Your receipt for Concert");
          assertThat(email.text()).contains("Order 123: Concert, $19.99.");
          assertThat(email.html()).contains("<p>Order <b>123</b>: Concert, $19.99.</p>");
          assertThat(email.headers()).containsEntry("X-Notification", List.of("order-1:paid"));
          assertThat(email.messageId()).isNotBlank();
        });
  }

  @Test
  void emailsToAreThoseToThatExactAddressOnly(Mailpit mailpit) {
    String bob = unique("bob");

    send(mailpit, bob, "Your receipt for Concert", "order-2:paid");
    send(mailpit, "jim" + bob, "Your receipt for Match", "order-3:paid");
    send(mailpit, bob, "Your order was cancelled", "order-4:cancelled");

    assertThat(mailpit.emailsTo(bob))
        .extracting(Mailpit.Email::subject)
        .containsExactly("Your receipt for Concert", "Your order was cancelled");
    assertThat(mailpit.emailsTo(bob.toUpperCase())).hasSize(2);
  }

  @Test
  void anEmailSentAgainUnderTheSameMessageIdIsKeptAndListedTwice(Mailpit mailpit) {
    String id = "receipt-" + System.nanoTime() + "@ticketing.test";
    String message =
        String.join(
            "\r\n",
            "From: tickets@ticketing.test",
            "To: buyer@example.com",
            "Message-ID: <" + id + ">",
            "Subject: Your receipt",
            "",
            "Thank you.");

    Smtp.send(
        mailpit.smtpHost(), mailpit.smtpPort(), "tickets@ticketing.test", "b@x.test", message);
    Smtp.send(
        mailpit.smtpHost(), mailpit.smtpPort(), "tickets@ticketing.test", "b@x.test", message);

    assertThat(mailpit.messageIds()).filteredOn(id::equals).hasSize(2);
  }

  @Test
  void deleteAllForgetsEveryEmail(Mailpit mailpit) {
    send(mailpit, unique("someone"), "Your receipt for Concert", "order-5:paid");
    assertThat(mailpit.emails()).isNotEmpty();

    mailpit.deleteAll();

    assertThat(mailpit.emails()).isEmpty();
  }

  @Test
  void theWebUiAndTheApiDocsLoadTheirScriptsAndStyles(Mailpit mailpit) throws Exception {
    URI ui = mailpit.uiUrl();
    assertThat(assets(ui))
        .extracting(URI::getPath)
        .containsExactlyInAnyOrder("/dist/app.css", "/dist/app.js");
    assertThat(assets(ui.resolve("api/v1/")))
        .extracting(URI::getPath)
        .containsExactly("/dist/docs.js");
  }

  /** Loads the page, then every dist/ asset it references: each answers 200 with a body. */
  List<URI> assets(URI page) throws IOException, InterruptedException {
    HttpResponse<String> html = get(page);
    assertThat(html.statusCode()).as(page.toString()).isEqualTo(200);
    assertThat(html.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    List<URI> assets =
        ASSET.matcher(html.body()).results().map(m -> page.resolve(m.group(1))).toList();
    for (URI asset : assets) {
      HttpResponse<String> response = get(asset);
      assertThat(response.statusCode()).as(asset.toString()).isEqualTo(200);
      assertThat(response.body()).as(asset.toString()).isNotBlank();
    }
    return assets;
  }

  HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  static String unique(String name) {
    return name + "-" + System.nanoTime() + "@example.com";
  }

  /** A text and HTML email, as the notifications will send it, with a header of our own. */
  static void send(Mailpit mailpit, String to, String subject, String notification) {
    String message =
        String.join(
            "\r\n",
            "From: Ticketing <tickets@ticketing.test>",
            "To: " + to,
            "Subject: " + subject,
            "X-Notification: " + notification,
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b\"",
            "",
            "--b",
            "Content-Type: text/plain; charset=UTF-8",
            "",
            "Thank you for your purchase.",
            "Order 123: Concert, $19.99.",
            "--b",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<h1>Thank you</h1><p>Order <b>123</b>: Concert, $19.99.</p>",
            "--b--");
    Smtp.send(mailpit.smtpHost(), mailpit.smtpPort(), "tickets@ticketing.test", to, message);
  }
}
