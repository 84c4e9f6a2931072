package dev.ticketing.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * A request the API answers with an error status and body, decided before any domain call. An
 * answer, not a fault: it carries no stack trace, which a refusal would otherwise fill from a deep
 * request stack each time (a thousand times in an on-sale rush) for nobody to read.
 */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<ApiError> errors;

  public ApiException(HttpStatus status, List<ApiError> errors) {
    super(errors.getFirst().message(), null, false, false);
    this.status = status;
    this.errors = errors;
  }

  public static ApiException notFound() {
    return new ApiException(HttpStatus.NOT_FOUND, List.of(ApiError.of("Not Found")));
  }

  public static ApiException notAuthorized() {
    return new ApiException(HttpStatus.UNAUTHORIZED, List.of(ApiError.of("Not authorized")));
  }

  public static ApiException badRequest(String message) {
    return new ApiException(HttpStatus.BAD_REQUEST, List.of(ApiError.of(message)));
  }

  public HttpStatus status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }
}
