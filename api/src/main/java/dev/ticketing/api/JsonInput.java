package dev.ticketing.api;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read into their records: a field of the wrong JSON type ({@code "title":
 * 42}, {@code "price": [1]}) reads as absent, so that its own constraint refuses it with the
 * field's message, rather than the whole body failing as unreadable. Numbers and booleans are not
 * taken as strings.
 */
@Configuration(proxyBeanMethods = false)
class JsonInput {

  @Bean
  JsonMapperBuilderCustomizer wrongTypesReadAsAbsent() {
    return builder ->
        builder
            .withCoercionConfig(
                LogicalType.Textual,
                text -> {
                  text.setCoercion(CoercionInputShape.Integer, CoercionAction.AsNull);
                  text.setCoercion(CoercionInputShape.Float, CoercionAction.AsNull);
                  text.setCoercion(CoercionInputShape.Boolean, CoercionAction.AsNull);
                })
            .addHandler(new AbsentOnWrongType());
  }

  /** An array or object where a scalar belongs, or a scalar where an object does: absent. */
  static final class AbsentOnWrongType extends DeserializationProblemHandler {
    @Override
    public Object handleUnexpectedToken(
        DeserializationContext context,
        JavaType target,
        JsonToken token,
        JsonParser parser,
        String message) {
      parser.skipChildren();
      return null;
    }
  }
}
