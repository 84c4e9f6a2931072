package dev.ticketing.tickets.web;

import dev.ticketing.api.AsciiDecimal;
import dev.ticketing.api.CodePoints;
import dev.ticketing.api.PlainText;
import dev.ticketing.api.Text;
import dev.ticketing.api.Visible;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * A listing's title (without the space around it), its exact price (a JSON number, or a string of
 * ASCII digits such as {@code "20.00"}) and its event's date, if known.
 */
record TicketRequest(
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            minLength = 1,
            maxLength = 200,
            pattern = Text.VISIBLE,
            example = "Concert")
        @Visible(message = "Title is required")
        @CodePoints(max = 200, message = "Title must be at most 200 characters")
        @PlainText(message = "Title must not contain NUL or unpaired surrogate characters")
        @Nullable String title,
    @Schema(
            requiredMode = Schema.RequiredMode.REQUIRED,
            types = {"number", "string"},
            description = "A number, or a string of ASCII digits",
            minimum = "0.01",
            maximum = "1000000",
            multipleOf = 0.01,
            pattern =
                "^(1000000(\\.00?)?|[1-9][0-9]{0,5}(\\.[0-9]{1,2})?|0\\.([1-9][0-9]?|0[1-9]))$",
            example = "19.99")
        @JsonDeserialize(using = AsciiDecimal.class)
        @NotNull(message = PRICE_POSITIVE)
        @Positive(message = PRICE_POSITIVE)
        @Digits(
            integer = Integer.MAX_VALUE,
            fraction = 2,
            message = "Price must have at most 2 decimals")
        @DecimalMax(value = "1000000", message = "Price must be at most 1000000")
        @Nullable BigDecimal price,
    @Schema(
            types = {"string", "null"},
            format = "date-time",
            description =
                "When the event takes place. On an edit: absent keeps the ticket's, null clears it",
            example = "2027-06-01T19:30:00Z")
        @EventDate.Readable
        @EventDate.Future
        @Nullable EventDate eventAt) {

  static final String PRICE_POSITIVE = "Price must be greater than 0";

  /** The event's date; null when none was given or null was. */
  @Nullable Instant eventInstant() {
    return eventAt == null ? null : eventAt.instant();
  }

  /**
   * The title as sent, without the space around it. Invisible characters stay: they may be part of
   * what is shown, a flag's tags or a right-to-left mark, and a title of nothing else is refused.
   */
  String listedTitle() {
    return Text.trimmed(title);
  }
}
