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
 * Text that every store keeps exactly as it was sent: no NUL, and no half of a surrogate pair (the
 * MongoDB driver would write one as {@code ?}, so a stored email would no longer match its own).
 * Checked in one pass.
 */
@Target({FIELD, RECORD_COMPONENT, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = PlainText.Check.class)
public @interface PlainText {

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<PlainText, String> {
    @Override
    public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
      return text == null || isPlain(text);
    }

    /** No NUL and no unpaired surrogate. */
    public static boolean isPlain(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\0' || Character.isLowSurrogate(c)) {
          return false;
        }
        if (Character.isHighSurrogate(c)) {
          if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
            return false;
          }
          i++;
        }
      }
      return true;
    }
  }
}
