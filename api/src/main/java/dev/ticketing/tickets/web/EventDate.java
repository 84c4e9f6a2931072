package dev.ticketing.tickets.web;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A ticket's event date as a request sends it: an instant, or none (JSON {@code null}), or
 * something that is no ISO-8601 instant, kept so that its rule can say so. Absent, the field itself
 * is null.
 */
@JsonDeserialize(using = EventDate.Reader.class)
record EventDate(@Nullable Instant instant, boolean readable) {

  static final EventDate NONE = new EventDate(null, true);
  static final EventDate UNREADABLE = new EventDate(null, false);

  // RFC 3339's letters in either case (2026-11-24t10:15:30z), as JSON Schema's date-time allows.
  private static final DateTimeFormatter INSTANT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_INSTANT)
          .toFormatter();
  private static final int LONGEST = 64;

  static EventDate of(String text) {
    // A year signed (+10000, -0001) is ISO-8601's expanded form, which RFC 3339 does not take; and
    // a payout's release at +292278994 fitted no date the stores keep, and was never paid.
    if (text.length() > LONGEST || text.startsWith("+") || text.startsWith("-")) {
      return UNREADABLE;
    }
    try {
      return new EventDate(INSTANT.parse(text, Instant::from), true);
    } catch (DateTimeParseException e) {
      return UNREADABLE;
    }
  }

  /** An event date that is one, when given: ISO-8601, such as {@code 2026-11-24T10:15:30Z}. */
  @Target({FIELD, RECORD_COMPONENT, PARAMETER})
  @Retention(RUNTIME)
  @Constraint(validatedBy = Readable.Check.class)
  @interface Readable {
    String message() default "Event date must be an ISO-8601 instant";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Readable, EventDate> {
      @Override
      public boolean isValid(@Nullable EventDate date, ConstraintValidatorContext context) {
        return date == null || date.readable();
      }
    }
  }

  /** An event date still to come, when given. */
  @Target({FIELD, RECORD_COMPONENT, PARAMETER})
  @Retention(RUNTIME)
  @Constraint(validatedBy = Future.Check.class)
  @interface Future {
    String message() default "Event date must be in the future";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<Future, EventDate> {
      @Override
      public boolean isValid(@Nullable EventDate date, ConstraintValidatorContext context) {
        return date == null || date.instant() == null || date.instant().isAfter(Instant.now());
      }
    }
  }

  static final class Reader extends ValueDeserializer<EventDate> {
    @Override
    public EventDate deserialize(JsonParser parser, DeserializationContext context) {
      if (parser.currentToken() == JsonToken.VALUE_STRING) {
        return of(parser.getString());
      }
      parser.skipChildren();
      return UNREADABLE;
    }

    @Override
    public EventDate getNullValue(DeserializationContext context) {
      return NONE;
    }

    @Override
    public @Nullable EventDate getAbsentValue(DeserializationContext context) {
      return null;
    }
  }
}
