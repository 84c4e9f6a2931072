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
 * Text with a character that is neither space nor invisible (a no-break or zero-width space is
 * neither): {@code @NotBlank} counts only ASCII white space as blank. Null is not such text.
 */
@Target({FIELD, RECORD_COMPONENT, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = Visible.Check.class)
public @interface Visible {

  String message();

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<Visible, String> {
    @Override
    public boolean isValid(@Nullable String text, ConstraintValidatorContext context) {
      return text != null && Text.hasVisible(text);
    }
  }
}
