package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.workflows.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class StripeWebhooksTest {

  static final String SECRET = "whsec_test";
  final StripeWebhooks webhooks = new StripeWebhooks(SECRET);

  @Test
  void readsTheSucceededPaymentOfAProperlySignedEvent() {
    String payload = paymentIntentSucceeded("evt_1", "pi_1", 1999);

    var notification = webhooks.read(payload, sign(payload, SECRET));

    assertThat(notification.eventId()).isEqualTo("evt_1");
    assertThat(notification.payment())
        .hasValueSatisfying(payment -> {
          assertThat(payment.paymentIntentId()).isEqualTo("pi_1");
          assertThat(payment.amount()).isEqualTo(1999);
          assertThat(payment.orderId().value()).isEqualTo("5f00000000000000000000b1");
        });
  }

  @Test
  void refusesAWrongSignature() {
    String payload = paymentIntentSucceeded("evt_1", "pi_1", 1999);

    assertThatThrownBy(() -> webhooks.read(payload, sign(payload, "whsec_other")))
        .isInstanceOf(StripeWebhooks.BadSignature.class);
    assertThatThrownBy(() -> webhooks.read(payload, "t=1,v1=00"))
        .isInstanceOf(StripeWebhooks.BadSignature.class);
  }

  @Test
  void ignoresOtherEvents() {
    String payload =
        """
        {"id":"evt_2","object":"event","type":"customer.created","api_version":"2025-01-27.acacia",
         "data":{"object":{"id":"cus_1","object":"customer"}}}\
        """;

    assertThat(webhooks.read(payload, sign(payload, SECRET)).payment()).isEmpty();
  }

  @Test
  void readsADisputeOpenedThenLostOrWon() {
    assertThat(read(disputeEvent("charge.dispute.created", "needs_response")).dispute())
        .contains(new StripeWebhooks.DisputeReport("pi_1", "dp_1", null));
    assertThat(read(disputeEvent("charge.dispute.closed", "lost")).dispute())
        .contains(new StripeWebhooks.DisputeReport("pi_1", "dp_1", false));
    assertThat(read(disputeEvent("charge.dispute.closed", "won")).dispute())
        .contains(new StripeWebhooks.DisputeReport("pi_1", "dp_1", true));
    assertThat(read(disputeEvent("charge.dispute.updated", "under_review")).dispute()).isEmpty();
  }

  @Test
  void readsARefundedPaymentAndAConnectedAccountThatCanBePaid() {
    String refunded =
        """
        {"id":"evt_4","object":"event","type":"charge.refunded","api_version":"2025-01-27.acacia",
         "data":{"object":{"id":"ch_1","object":"charge","payment_intent":"pi_1","refunded":true}}}\
        """;
    String account =
        """
        {"id":"evt_5","object":"event","type":"account.updated","api_version":"2025-01-27.acacia",
         "data":{"object":{"id":"acct_1","object":"account","payouts_enabled":true,
           "metadata":{"sellerId":"5f00000000000000000000a1"}}}}\
        """;

    String partly =
        """
        {"id":"evt_6","object":"event","type":"charge.refunded","api_version":"2025-01-27.acacia",
         "data":{"object":{"id":"ch_1","object":"charge","payment_intent":"pi_1","refunded":false,
           "amount":2000,"amount_refunded":500}}}\
        """;

    assertThat(read(refunded).refundedPaymentIntent()).contains("pi_1");
    assertThat(read(partly).refundedPaymentIntent()).as("a partial refund").isEmpty();
    assertThat(read(account).account())
        .contains(new StripeWebhooks.AccountReport(new UserId("5f00000000000000000000a1"), true));
    assertThat(read(account).payment()).isEmpty();
  }

  private StripeWebhooks.Notification read(String payload) {
    return webhooks.read(payload, sign(payload, SECRET));
  }

  static String disputeEvent(String type, String status) {
    return """
    {"id":"evt_3","object":"event","type":"%s","api_version":"2025-01-27.acacia",
     "data":{"object":{"id":"dp_1","object":"dispute","payment_intent":"pi_1","status":"%s"}}}\
    """
        .formatted(type, status);
  }

  static String paymentIntentSucceeded(String eventId, String paymentIntent, long amount) {
    return """
    {"id":"%s","object":"event","type":"payment_intent.succeeded","api_version":"2025-01-27.acacia",
     "data":{"object":{"id":"%s","object":"payment_intent","amount":%d,"currency":"usd",
       "status":"succeeded","metadata":{"orderId":"5f00000000000000000000b1",
       "buyerId":"5f0000000000000000000002"}}}}\
    """
        .formatted(eventId, paymentIntent, amount);
  }

  static String sign(String payload, String secret) {
    try {
      long timestamp = Instant.now().getEpochSecond();
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] signature = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
      return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
