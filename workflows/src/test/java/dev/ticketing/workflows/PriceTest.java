package dev.ticketing.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriceTest {

  @Test
  void pricesAreChargedOnlyInACurrencyOfTwoDecimals() {
    assertThat(Price.currencyOfTwoDecimals("usd")).isEqualTo("usd");
    assertThat(Price.currencyOfTwoDecimals("EUR")).isEqualTo("EUR");
    assertThatThrownBy(() -> Price.currencyOfTwoDecimals("jpy"))
        .hasMessage("The currency jpy has 0 decimals; prices here have 2");
    assertThatThrownBy(() -> Price.currencyOfTwoDecimals("kwd")).hasMessageContaining("3 decimals");
    assertThatThrownBy(() -> Price.currencyOfTwoDecimals("xxq"))
        .hasMessage("The currency xxq is no ISO 4217 currency");
  }
}
