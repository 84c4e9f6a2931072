package dev.ticketing.bench.chaos;

import dev.ticketing.bench.shop.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.node.MissingNode;

/**
 * Stripe, as far as the chaos run plays it: signed webhook calls telling the API that a sale's
 * charge is disputed, and later that the dispute closed, won or lost. The stack's API hears them
 * with {@link #SECRET} as its {@code STRIPE_WEBHOOK_SECRET}.
 */
final class StripeDisputes {

  static final String SECRET = "whsec_chaos_run";

  private static final AtomicLong EVENTS = new AtomicLong();

  private final URI webhook;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  StripeDisputes(URI api) {
    this.webhook = api.resolve("/api/payments/webhook");
  }

  Reply opened(String paymentIntent) {
    return send("charge.dispute.created", paymentIntent, "needs_response");
  }

  Reply closed(String paymentIntent, boolean won) {
    return send("charge.dispute.closed", paymentIntent, won ? "won" : "lost");
  }

  /** One event under an id of its own; the dispute's id is the charge's, one dispute per sale. */
  private Reply send(String type, String paymentIntent, String disputeStatus) {
    String payload =
        """
        {"id":"evt_chaos_%d","object":"event","type":"%s","api_version":"2025-01-27.acacia",
         "data":{"object":{"id":"dp_chaos_%s","object":"dispute","payment_intent":"%s",
           "status":"%s"}}}\
        """
            .formatted(EVENTS.incrementAndGet(), type, paymentIntent, paymentIntent, disputeStatus);
    var request =
        HttpRequest.newBuilder(webhook)
            .timeout(Duration.ofSeconds(90))
            .header("Content-Type", "application/json")
            .header("Stripe-Signature", signature(payload))
            .POST(HttpRequest.BodyPublishers.ofString(payload))
            .build();
    long start = System.nanoTime();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return new Reply(status, MissingNode.getInstance(), System.nanoTime() - start);
    } catch (IOException e) {
      return new Reply(0, MissingNode.getInstance(), System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Reply(0, MissingNode.getInstance(), System.nanoTime() - start);
    }
  }

  /** Stripe's scheme: {@code t=<seconds>,v1=<HMAC-SHA256 of "<seconds>.<payload>">}. */
  private static String signature(String payload) {
    long timestamp = Instant.now().getEpochSecond();
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signed = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
