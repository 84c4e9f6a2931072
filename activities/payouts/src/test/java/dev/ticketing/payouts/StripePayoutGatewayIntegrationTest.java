package dev.ticketing.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.harness.LocalStack;
import dev.ticketing.harness.StripeMock;
import dev.ticketing.workflows.UserId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stripe Connect's calls as stripe-java makes them, checked by stripe-mock against Stripe's OpenAPI
 * document: a parameter Stripe lacks, or a missing one it needs, fails here.
 */
@ExtendWith(LocalStack.class)
class StripePayoutGatewayIntegrationTest {

  PayoutGateway stripe;

  @BeforeEach
  void connect(StripeMock stripeMock) {
    stripe = new StripePayoutGateway("sk_test_123", stripeMock.baseUrl());
  }

  @Test
  void opensAnExpressAccountAndLinksToItsOnboarding() {
    String account = stripe.createAccount(new UserId("5f00000000000000000000a1"));

    assertThat(account).startsWith("acct_");
    assertThat(stripe.onboardingLink(account, "http://localhost:8080/payouts/return"))
        .startsWith("https://");
    assertThat(stripe.payoutsEnabled(account)).isIn(true, false);
  }

  @Test
  void transfersFromTheOrdersChargeAndReversesTheTransfer() {
    String transfer =
        stripe.transfer(
            new PayoutGateway.Transfer(
                "acct_123", 1_799, "usd", "ch_123", "5f00000000000000000000c1", "payout-c1"));

    assertThat(transfer).startsWith("tr_");
    assertThat(stripe.reverse(transfer, "reverse-" + transfer)).startsWith("trr_");
  }

  @Test
  void refusesToFindTheChargeOfAnIntentThatHasNone() {
    // stripe-mock's PaymentIntent has not been charged: its latest_charge is null
    assertThatThrownBy(() -> stripe.chargeOf("pi_123"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PaymentIntent pi_123 has no charge");
  }
}
