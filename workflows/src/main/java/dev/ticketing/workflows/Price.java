package dev.ticketing.workflows;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigDecimal;

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
