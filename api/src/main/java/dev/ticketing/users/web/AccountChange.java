package dev.ticketing.users.web;

import dev.ticketing.api.ChangedText;
import dev.ticketing.api.CodePoints;
import dev.ticketing.api.EmailAddress;
import dev.ticketing.api.PlainText;
import dev.ticketing.api.Text;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotEmpty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A change to the signed-in account: a new email, a new password or both (absent or null: kept; of
 * another JSON type: refused), proven by the current password.
 */
record AccountChange(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 64,
            pattern = Text.PLAIN,
            example = "correct-horse")
        @NotEmpty(message = "You must supply your current password")
        @CodePoints(max = 64, message = "Invalid credentials")
        @PlainText(message = Passwords.PLAIN)
        @Nullable String currentPassword,
    @Schema(
            nullable = true,
            maxLength = EmailAddress.MAX_LENGTH,
            pattern = Text.EMAIL,
            example = "lovelace@example.com")
        @JsonDeserialize(using = ChangedText.class)
        @EmailAddress(required = false)
        @PlainText(message = "Email must be valid")
        @Nullable String email,
    @Schema(nullable = true, minLength = 8, maxLength = 64, pattern = Text.PLAIN)
        @JsonDeserialize(using = ChangedText.class)
        @CodePoints(min = 8, max = 64, message = Passwords.LENGTH)
        @PlainText(message = Passwords.PLAIN)
        @Nullable String password) {

  /** The new email without the space around it; null to keep the one there is. */
  @Nullable String address() {
    return Text.trimmed(email);
  }
}
