package dev.ticketing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of the error body {@code {"errors":[{"message":..., "field":...}]}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String message, @Nullable String field) {

  public static ApiError of(String message) {
    return new ApiError(message, null);
  }

  /** The body every error answer has. */
  public record Body(List<ApiError> errors) {
    public static Body of(String message) {
      return new Body(List.of(ApiError.of(message)));
    }
  }
}
