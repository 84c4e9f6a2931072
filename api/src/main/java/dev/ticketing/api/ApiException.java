package dev.ticketing.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request the API answers with an error status and body, decided before any domain call. */
public class ApiException extends RuntimeException {

  private final HttpStatus status;
  private final List<ApiError> errors;

  public ApiException(HttpStatus status, List<ApiError> errors) {
    super(errors.getFirst().message());
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
