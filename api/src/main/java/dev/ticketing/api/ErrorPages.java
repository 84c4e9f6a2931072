package dev.ticketing.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before Spring MVC sees the request (the servlet container refusing a URL, say) get
 * the same body as every other error.
 */
@Hidden
@RestController
public class ErrorPages implements ErrorController {

  private static final Map<HttpStatus, String> MESSAGES =
      Map.of(
          HttpStatus.NOT_FOUND, "Not Found",
          HttpStatus.UNAUTHORIZED, "Not authorized",
          HttpStatus.CONTENT_TOO_LARGE, BodyLimits.TOO_LARGE,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, BodyLimits.JSON_ONLY,
          HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
          HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

  /** A request for {@code /error} itself, with no error behind it, is for an unknown page. */
  @RequestMapping("/error")
  ResponseEntity<ApiError.Body> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;
    for (Object cause = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        cause instanceof Throwable failure;
        cause = failure.getCause()) {
      if (failure instanceof DataAccessResourceFailureException) {
        status = HttpStatus.SERVICE_UNAVAILABLE; // a store, asked before any controller ran
      }
    }
    return ApiErrors.answer(status, messageFor(status));
  }

  static String messageFor(HttpStatus status) {
    return MESSAGES.getOrDefault(status, status.getReasonPhrase());
  }
}
