package dev.ticketing.users.web;

import dev.ticketing.api.CodePoints;
import dev.ticketing.api.EmailAddress;
import dev.ticketing.api.PlainText;
import dev.ticketing.api.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/** A new account's email and password. */
record SignUp(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            maxLength = EmailAddress.MAX_LENGTH,
            pattern = Text.EMAIL,
            example = "ada@example.com")
        @EmailAddress
        @PlainText(message = "Email must be valid")
        @Nullable String email,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 8,
            maxLength = 64,
            pattern = Text.PLAIN,
            example = "correct-horse")
        @NotNull(message = Passwords.LENGTH)
        @CodePoints(min = 8, max = 64, message = Passwords.LENGTH)
        @PlainText(message = Passwords.PLAIN)
        @Nullable String password) {

  /** The email without the space around it. */
  String address() {
    return Text.trimmed(email);
  }
}
