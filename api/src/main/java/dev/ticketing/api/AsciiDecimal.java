package dev.ticketing.api;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * An exact decimal from a JSON number or from a string of ASCII digits ({@code "20.00"}); anything
 * else reads as absent, for the field's own validation to refuse. Not {@link BigDecimal}'s own
 * parsing, which takes any script's digits ({@code "１２"}) and {@code "1e3"} in a string.
 */
public final class AsciiDecimal extends ValueDeserializer<BigDecimal> {

  private static final Pattern DIGITS = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?");

  @Override
  public @Nullable BigDecimal deserialize(JsonParser parser, DeserializationContext context) {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      return parser.getDecimalValue();
    }
    if (token == JsonToken.VALUE_STRING) {
      String text = parser.getString();
      return text.length() <= 62 && DIGITS.matcher(text).matches() ? new BigDecimal(text) : null;
    }
    parser.skipChildren();
    return null;
  }
}
