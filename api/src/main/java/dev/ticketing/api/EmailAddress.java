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
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * An email address as the original API took it: something, an {@code @}, and a dot in what follows,
 * with no space but around it (which is not part of it), at most 254 characters in all. The length
 * is checked before the pattern, which backtracks on long input. Null is not one, unless the
 * address is optional.
 */
@Target({FIELD, RECORD_COMPONENT, PARAMETER})
@Retention(RUNTIME)
@Constraint(validatedBy = EmailAddress.Check.class)
public @interface EmailAddress {

  int MAX_LENGTH = 254;

  String message() default "Email must be valid";

  boolean required() default true;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Check implements ConstraintValidator<EmailAddress, String> {
    private static final Pattern ADDRESS = Pattern.compile(Text.EMAIL);
    private boolean required;

    @Override
    public void initialize(EmailAddress address) {
      this.required = address.required();
    }

    @Override
    public boolean isValid(@Nullable String email, ConstraintValidatorContext context) {
      if (email == null) {
        return !required;
      }
      return email.length() <= MAX_LENGTH && ADDRESS.matcher(email).matches();
    }
  }
}
