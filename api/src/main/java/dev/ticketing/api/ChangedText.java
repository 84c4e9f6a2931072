package dev.ticketing.api;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;

/**
 * A text field of a change, where absent or null keeps what there is: a value of another JSON type
 * ({@code "password": 87654321}) reads as empty text, which the field's own checks refuse, and not
 * as absent, which would answer 200 and change nothing.
 */
public final class ChangedText extends ValueDeserializer<String> {

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getString();
    }
    parser.skipChildren();
    return "";
  }
}
