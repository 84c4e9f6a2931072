package dev.ticketing.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One entry of the error body {@code {"errors":[{"message":..., "field":...}]}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(
    @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Price must be greater than 0")
        String message,
    @Schema(description = "The field whose rule is broken; absent for the request as a whole")
        @Nullable String field) {

  public static ApiError of(String message) {
    return new ApiError(message, null);
  }

  /** The body every error answer has. */
  @Schema(name = "Errors")
  public record Body(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<ApiError> errors) {
    public static Body of(String message) {
      return new Body(List.of(ApiError.of(message)));
    }
  }
}
