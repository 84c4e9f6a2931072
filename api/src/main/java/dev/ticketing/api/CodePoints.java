package dev.ticketing.api;

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
import org.jspecify.annotations.Nullable;

/**
 * A length in characters as people and JSON Schema count them (code points: an emoji is one), not
 * in UTF-16 units as {@code @Size} does. A text far too long is refused from its length alone.
 */
@Target({FIELD, RECORD_COMPONENT, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = CodePoints.Check.class)
public @interface CodePoints {

  int min() default 0;

  int max();

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<CodePoints, String> {
    private int min;
    private int max;

    @Override
    public void initialize(CodePoints bounds) {
      this.min = bounds.min();
      this.max = bounds.max();
    }

    @Override
    public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
      if (text == null) {
        return true;
      }
      // A code point is one or two UTF-16 units, so these bounds need no counting.
      if (text.length() < min || text.length() > 2L * max) {
        return false;
      }
      int count = text.codePointCount(0, text.length());
      return count >= min && count <= max;
    }
  }
}
