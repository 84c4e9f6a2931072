package dev.ticketing.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised before Spring MVC sees the request (the servlet container refusing a URL, say) get
 * the same body as every other error.
 */
@RestController
public class ErrorPages implements ErrorController {

  private static final Map<HttpStatus, String> MESSAGES =
      Map.of(
          HttpStatus.NOT_FOUND, "Not Found",
          HttpStatus.UNAUTHORIZED, "Not authorized",
          HttpStatus.CONTENT_TOO_LARGE, RequestBodies.TOO_LARGE,
          HttpStatus.UNSUPPORTED_MEDIA_TYPE, RequestBodies.JSON_ONLY,
          HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");

  @RequestMapping("/error")
  ResponseEntity<ApiError.Body> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    return ApiErrors.answer(status, messageFor(status));
  }

  static String messageFor(HttpStatus status) {
    return MESSAGES.getOrDefault(
        status, status.is5xxServerError() ? "Something went wrong" : status.getReasonPhrase());
  }
}
