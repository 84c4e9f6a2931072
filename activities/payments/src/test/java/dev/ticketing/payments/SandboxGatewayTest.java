package dev.ticketing.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxGatewayTest {

  final SandboxGateway sandbox = new SandboxGateway();

  @ParameterizedTest
  @ValueSource(strings = {"tok_visa", "pm_card_visa", "tok_mastercard", "pm_card_amex"})
  void chargesStripesSucceedingTestCards(String card) {
    assertThat(sandbox.charge(order(card, "key-1"))).startsWith("pi_sandbox_");
  }

  @Test
  void answersTheSamePaymentIntentForTheSameIdempotencyKey() {
    assertThat(sandbox.charge(order("tok_visa", "key-1")))
        .isEqualTo(sandbox.charge(order("tok_visa", "key-1")));
    assertThat(sandbox.charge(order("tok_visa", "key-1")))
        .isNotEqualTo(sandbox.charge(order("tok_visa", "key-2")));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "tok_chargeDeclined|Your card was declined.",
        "pm_card_chargeDeclined|Your card was declined.",
        "tok_chargeDeclinedInsufficientFunds|Your card has insufficient funds.",
        "tok_chargeDeclinedExpiredCard|Your card has expired.",
        "tok_chargeDeclinedIncorrectCvc|Your card's security code is incorrect."
      })
  void declinesStripesDecliningTestCardsWithStripesMessage(String card, String message) {
    var refused =
        catchThrowableOfType(PaymentGateway.Refused.class, () -> sandbox.charge(order(card, "k")));

    assertThat(refused.declined()).isTrue();
    assertThat(refused.getMessage()).isEqualTo(message);
  }

  @Test
  void refusesTokensStripeDoesNotKnow() {
    var refused =
        catchThrowableOfType(
            PaymentGateway.Refused.class, () -> sandbox.charge(order("tok_nope", "k")));

    assertThat(refused.declined()).isFalse();
    assertThat(refused.getMessage()).isEqualTo("No such token: 'tok_nope'");
  }

  private static PaymentGateway.ChargeOrder order(String card, String key) {
    return new PaymentGateway.ChargeOrder(1999, "usd", card, key, Map.of());
  }
}
