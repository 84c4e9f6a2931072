package dev.ticketing.workflows;

import io.temporal.failure.ApplicationFailure;
import java.util.Arrays;
import java.util.Optional;

/**
 * The business reasons a request is refused. Each travels as a non-retryable {@link
 * ApplicationFailure} whose type is the constant's name and whose message is for the user; the API
 * maps them to HTTP in one place.
 */
public enum Rejection {
  INVALID,
  NOT_FOUND,
  NOT_AUTHORIZED,
  CONFLICT,
  PAYMENT_DECLINED,
  THROTTLED,
  UNAVAILABLE;

  public ApplicationFailure failure(String message) {
    return ApplicationFailure.newNonRetryableFailure(message, name());
  }

  /** The rejection somewhere in a failure's causes: the activity or update failure wraps it. */
  public static Optional<ApplicationFailure> in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure application && isRejection(application)) {
        return Optional.of(application);
      }
    }
    return Optional.empty();
  }

  /** A fresh failure with the same type and message, to be thrown again from a workflow. */
  public static ApplicationFailure copy(ApplicationFailure failure) {
    return of(failure).failure(failure.getOriginalMessage());
  }

  /**
   * Runs an update validator's checks. A refusal leaves as the cause of a plain exception: thrown
   * straight from a validator, an ApplicationFailure loses its type in sdk-java 1.38 (issue 2875).
   */
  public static void validate(Runnable checks) {
    try {
      checks.run();
    } catch (ApplicationFailure refusal) {
      throw new RefusedUpdate(refusal);
    }
  }

  public static Rejection of(ApplicationFailure failure) {
    return valueOf(failure.getType());
  }

  private static boolean isRejection(ApplicationFailure failure) {
    return Arrays.stream(values()).anyMatch(r -> r.name().equals(failure.getType()));
  }

  private static final class RefusedUpdate extends RuntimeException {
    RefusedUpdate(ApplicationFailure refusal) {
      super(refusal.getOriginalMessage(), refusal);
    }
  }
}
