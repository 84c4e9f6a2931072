package dev.ticketing.workflows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;

/**
 * An exact amount of money in minor units (cents), so no floating point is ever involved. On the
 * wire it is a decimal number with two places: {@code 19.99}.
 */
public record Price(long cents) {
  /** The platform charges in US dollars, Stripe's {@code usd}. */
  public static final String CURRENCY = "usd";

  public static final BigDecimal MAX = new BigDecimal(1_000_000);

  public Price {
    if (cents <= 0) {
      throw new IllegalArgumentException("A price is positive");
    }
  }

  /**
   * {@code code} (PAYMENTS_CURRENCY), if prices can be charged in it: an ISO 4217 currency of two
   * decimals, as every price here is in hundredths. In yen (none) a ticket of 1000 was charged
   * ¥100,000; in dinars (three) a tenth of its price.
   */
  public static String currencyOfTwoDecimals(String code) {
    Currency currency;
    try {
      currency = Currency.getInstance(code.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new IllegalArgumentException("The currency " + code + " is no ISO 4217 currency");
    }
    int decimals = currency.getDefaultFractionDigits();
    if (decimals != 2) {
      throw new IllegalArgumentException(
          "The currency " + code + " has " + decimals + " decimals; prices here have 2");
    }
    return code;
  }

  /** The price of {@code amount}, which has at most two decimals and is positive. */
  @JsonCreator
  public static Price of(BigDecimal amount) {
    return new Price(amount.movePointRight(2).longValueExact());
  }

  @JsonValue
  public BigDecimal amount() {
    return BigDecimal.valueOf(cents, 2);
  }
}
