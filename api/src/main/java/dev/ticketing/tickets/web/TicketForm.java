package dev.ticketing.tickets.web;

import dev.ticketing.api.JsonForm;
import dev.ticketing.workflows.Price;
import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A title and an exact price: a JSON number, or a numeric string such as {@code "20.00"}. */
record TicketForm(String title, Price price) {

  // White space (no-break space included) and format characters such as zero-width space.
  private static final Pattern INVISIBLE_AROUND =
      Pattern.compile("^[\\p{Z}\\s\\p{Cf}]+|[\\p{Z}\\s\\p{Cf}]+$");

  static TicketForm from(@Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String title = visible(form.text("title"));
    if (title.isEmpty()) {
      form.reject("title", "Title is required");
    } else if (title.codePointCount(0, title.length()) > 200) {
      form.reject("title", "Title must be at most 200 characters");
    }
    BigDecimal amount = amount(form.value("price"));
    if (amount == null || amount.signum() <= 0) {
      form.reject("price", "Price must be greater than 0");
    } else if (amount.stripTrailingZeros().scale() > 2) {
      form.reject("price", "Price must have at most 2 decimals");
    } else if (amount.compareTo(Price.MAX) > 0) {
      form.reject("price", "Price must be at most 1000000");
    }
    form.check();
    return new TicketForm(title, Price.of(amount));
  }

  /** The title without the space and invisible characters around it; empty when it has no other. */
  private static String visible(@Nullable String title) {
    return title == null ? "" : INVISIBLE_AROUND.matcher(title).replaceAll("");
  }

  private static @Nullable BigDecimal amount(@Nullable JsonNode price) {
    if (price != null && price.isNumber()) {
      return price.decimalValue();
    }
    if (price != null && price.isString()) {
      try {
        return new BigDecimal(price.stringValue());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
