package dev.ticketing.api;

import dev.ticketing.workflows.Rejection;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowServiceException;
import io.temporal.failure.ApplicationFailure;
import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.exc.StreamReadException;

/**
 * The one place an exception becomes an HTTP answer, always in the {@code {"errors":[...]}} body:
 * the API's own refusals, the business rejections the domains and workflows raise, Spring MVC's own
 * errors, and anything unexpected (500, logged here, never shown).
 */
@RestControllerAdvice
public class ApiErrors {

  private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

  private static final Map<Rejection, HttpStatus> REJECTIONS =
      Map.of(
          Rejection.INVALID, HttpStatus.BAD_REQUEST,
          Rejection.NOT_FOUND, HttpStatus.NOT_FOUND,
          Rejection.NOT_AUTHORIZED, HttpStatus.UNAUTHORIZED,
          Rejection.CONFLICT, HttpStatus.CONFLICT,
          Rejection.PAYMENT_DECLINED, HttpStatus.PAYMENT_REQUIRED,
          Rejection.THROTTLED, HttpStatus.TOO_MANY_REQUESTS,
          Rejection.UNAVAILABLE, HttpStatus.SERVICE_UNAVAILABLE);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ApiError.Body> refused(ApiException e) {
    return errorAnswer(e.status()).body(new ApiError.Body(e.errors()));
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ApiError.Body> unknownRoute() {
    return answer(HttpStatus.NOT_FOUND, "Not Found");
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ApiError.Body> wrongMethod(HttpRequestMethodNotSupportedException e) {
    var allowed = e.getSupportedHttpMethods();
    return errorAnswer(HttpStatus.METHOD_NOT_ALLOWED)
        .allow(allowed == null ? new HttpMethod[0] : allowed.toArray(HttpMethod[]::new))
        .body(ApiError.Body.of("Method " + e.getMethod() + " is not allowed here"));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ApiError.Body> wrongContentType() {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, BodyLimits.JSON_ONLY);
  }

  /** Each broken rule of a request record, with its field, in the order the record has them. */
  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ApiError.Body> invalid(MethodArgumentNotValidException e) {
    List<String> fields = fieldsOf(e.getBindingResult().getTarget());
    List<ApiError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .sorted(Comparator.comparing((FieldError error) -> fields.indexOf(error.getField())))
            .map(error -> new ApiError(String.valueOf(error.getDefaultMessage()), error.getField()))
            .toList();
    return errorAnswer(HttpStatus.BAD_REQUEST).body(new ApiError.Body(errors));
  }

  private static List<String> fieldsOf(@Nullable Object request) {
    if (request == null || !request.getClass().isRecord()) {
      return List.of();
    }
    return Arrays.stream(request.getClass().getRecordComponents())
        .map(RecordComponent::getName)
        .toList();
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ApiError.Body> notAcceptable() {
    return answer(HttpStatus.NOT_ACCEPTABLE, "Only application/json answers are available");
  }

  /** Not JSON at all, or JSON that is not an object (a field of the wrong type reads as absent). */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ApiError.Body> unreadableBody(HttpMessageNotReadableException e) {
    return answer(
        HttpStatus.BAD_REQUEST,
        e.getCause() instanceof StreamReadException
            ? BodyLimits.NOT_JSON
            : "The body must be a JSON object");
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingRequestHeaderException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ApiError.Body> badParameter(Exception e) {
    return answer(HttpStatus.BAD_REQUEST, "Invalid request: " + e.getMessage());
  }

  /**
   * A query Tomcat could not decode ({@code %zz}, bytes that are not UTF-8, an empty name), or one
   * Spring Security's firewall refuses as its parameters are read (a name of unassigned or control
   * characters).
   */
  @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
  ResponseEntity<ApiError.Body> undecodableQuery() {
    return answer(HttpStatus.BAD_REQUEST, "Bad Request");
  }

  /** Business rejections from a domain, an activity or a workflow update. */
  @ExceptionHandler({ApplicationFailure.class, io.temporal.client.WorkflowException.class})
  ResponseEntity<ApiError.Body> rejected(RuntimeException e, HttpServletRequest request) {
    Optional<ApplicationFailure> rejection = Rejection.in(e);
    if (rejection.isEmpty()) {
      return fault(e, request);
    }
    ApplicationFailure failure = rejection.get();
    return answer(REJECTIONS.get(Rejection.of(failure)), failure.getOriginalMessage());
  }

  @ExceptionHandler({
    WorkflowServiceException.class,
    StatusRuntimeException.class,
    DataAccessResourceFailureException.class,
    TransientDataAccessException.class
  })
  ResponseEntity<ApiError.Body> unavailable(Exception e, HttpServletRequest request) {
    log.warn(
        "{} {} could not reach a service: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.getMessage());
    return answer(HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
  }

  /** The browser went away in the middle of a stream: nobody is left to answer. */
  @ExceptionHandler(AsyncRequestNotUsableException.class)
  void browserGone() {}

  @ExceptionHandler(Exception.class)
  ResponseEntity<ApiError.Body> fault(Exception e, HttpServletRequest request) {
    log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
    return answer(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong");
  }

  static ResponseEntity<ApiError.Body> answer(HttpStatus status, String message) {
    return errorAnswer(status).body(ApiError.Body.of(message));
  }

  /**
   * An error answer, JSON whatever the request's {@code Accept} asks: its type set here, Spring MVC
   * writes it as it is, where one that {@code Accept: application/xml} excluded went out empty.
   */
  private static ResponseEntity.BodyBuilder errorAnswer(HttpStatus status) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
  }
}
