package dev.ticketing.api;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;

/**
 * {@code ?limit} (1 to 500, default 100) and {@code ?offset} (0 or more) of a list, as sent; {@link
 * #page()} refuses anything else with 400 rather than clamp it.
 */
@ParameterObject
public record Paging(
    @Parameter(
            description = "How many, at most",
            schema =
                @Schema(type = "integer", minimum = "1", maximum = "500", defaultValue = "100"))
        @Nullable String limit,
    @Parameter(
            description = "How many to skip",
            schema =
                @Schema(type = "integer", minimum = "0", maximum = "999999999", defaultValue = "0"))
        @Nullable String offset) {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  /** A page of a list. */
  public record Page(int limit, int offset) {}

  public Page page() {
    List<ApiError> errors = new ArrayList<>();
    int size = parse(limit, 100);
    if (size < 1 || size > 500) {
      errors.add(new ApiError("Limit must be an integer from 1 to 500", "limit"));
    }
    int skip = parse(offset, 0);
    if (skip < 0) {
      errors.add(new ApiError("Offset must be an integer of 0 or more", "offset"));
    }
    if (!errors.isEmpty()) {
      throw new ApiException(HttpStatus.BAD_REQUEST, errors);
    }
    return new Page(size, skip);
  }

  /** The value, its default when absent, or -1 when it is not a plain integer. */
  private static int parse(@Nullable String value, int absent) {
    if (value == null) {
      return absent;
    }
    return DIGITS.matcher(value).matches() ? Integer.parseInt(value) : -1;
  }
}
