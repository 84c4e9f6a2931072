package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.param.PaymentIntentCreateParams;
import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.StripeMock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** stripe-mock checks every request against Stripe's OpenAPI document and refuses what it lacks. */
@ExtendWith(LocalStack.class)
class StripeGatewayIntegrationTest {

  StripeGateway stripe;
  StripeMock mock;

  @BeforeEach
  void connect(StripeMock stripeMock) {
    mock = stripeMock;
    stripe = new StripeGateway("sk_test_123", stripeMock.baseUrl());
  }

  @Test
  void createsAndConfirmsAPaymentIntentForAPaymentMethod() {
    var intent = stripe.createAndConfirm(ChargeOrders.paidWith("pm_card_visa"));

    assertThat(intent.getId()).startsWith("pi_");
    assertThat(intent.getAmount()).isEqualTo(1999);
  }

  @Test
  void turnsACardTokenIntoAPaymentMethodFirst() {
    assertThat(stripe.createAndConfirm(ChargeOrders.paidWith("tok_visa")).getId())
        .startsWith("pi_");
  }

  @Test
  void stopsACharge() {
    assertThatCode(() -> stripe.stopCharge(ChargeOrders.paidWith("tok_visa")))
        .doesNotThrowAnyException();
  }

  @Test
  void refundsAPaymentIntent() {
    assertThat(stripe.refund("pi_123", "refund-pi_123")).startsWith("re_");
  }

  @Test
  void stripeMockRefusesWhatStripeWouldRefuse() {
    StripeClient client =
        StripeClient.builder().setApiKey("sk_test_123").setApiBase(mock.baseUrl()).build();
    var tokenInPaymentMethodData =
        PaymentIntentCreateParams.builder()
            .setAmount(1999L)
            .setCurrency("usd")
            .putExtraParam("payment_method_data[type]", "card")
            .putExtraParam("payment_method_data[card][token]", "tok_visa")
            .build();

    assertThatThrownBy(() -> client.v1().paymentIntents().create(tokenInPaymentMethodData))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("validation");
  }
}
