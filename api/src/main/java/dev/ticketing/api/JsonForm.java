package dev.ticketing.api;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * A request body that must be a JSON object, read field by field. Every rule it breaks is
 * collected, so one answer lists them all, each with its field.
 */
public final class JsonForm {

  private final JsonNode body;
  private final List<ApiError> errors = new ArrayList<>();

  private JsonForm(JsonNode body) {
    this.body = body;
  }

  public static JsonForm of(@Nullable JsonNode body) {
    if (body == null || !body.isObject()) {
      throw ApiException.badRequest("The body must be a JSON object");
    }
    return new JsonForm(body);
  }

  /** The field's value if it is a JSON string; null if absent, null or of another type. */
  public @Nullable String text(String field) {
    JsonNode value = body.get(field);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  /** The field as given, or null when absent or JSON null. */
  public @Nullable JsonNode value(String field) {
    JsonNode value = body.get(field);
    return value == null || value.isNull() ? null : value;
  }

  public boolean has(String field) {
    return value(field) != null;
  }

  public void reject(String field, String message) {
    errors.add(new ApiError(message, field));
  }

  /** Answers 400 with every rule broken so far, if any. */
  public void check() {
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, List.copyOf(errors));
    }
  }
}
