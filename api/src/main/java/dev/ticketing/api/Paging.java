package dev.ticketing.tickets.web;

import dev.ticketing.api.ApiError;
import dev.ticketing.api.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/** {@code ?limit} (1 to 500, default 100) and {@code ?offset} (0 or more); anything else is 400. */
record Paging(int limit, int offset) {

  private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");

  static Paging of(@Nullable String limit, @Nullable String offset) {
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
    return new Paging(size, skip);
  }

  /** The value, its default when absent, or -1 when it is not a plain integer. */
  private static int parse(@Nullable String value, int absent) {
    if (value == null) {
      return absent;
    }
    return DIGITS.matcher(value).matches() ? Integer.parseInt(value) : -1;
  }
}
