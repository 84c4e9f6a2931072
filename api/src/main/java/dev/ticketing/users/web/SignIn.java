package dev.ticketing.users.web;

import dev.ticketing.api.CodePoints;
import dev.ticketing.api.EmailAddress;
import dev.ticketing.api.PlainText;
import dev.ticketing.api.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;

/** An email and the password to prove it; any length up to the longest a password can be. */
record SignIn(
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
            minLength = 1,
            maxLength = 64,
            pattern = Text.PLAIN,
            example = "correct-horse")
        @NotEmpty(message = "You must supply a password")
        @CodePoints(max = 64, message = "Invalid credentials")
        @PlainText(message = Passwords.PLAIN)
        @Nullable String password) {

  /** The email without the space around it. */
  String address() {
    return Text.trimmed(email);
  }
}
