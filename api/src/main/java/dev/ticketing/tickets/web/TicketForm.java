package dev.ticketing.tickets.web;

import dev.ticketing.api.JsonForm;
import dev.ticketing.workflows.Price;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A title and an exact price: a JSON number, or a numeric string such as {@code "20.00"}. */
record TicketForm(String title, Price price) {

  static TicketForm from(@Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String title = form.text("title");
    if (title == null || title.isBlank()) {
      form.reject("title", "Title is required");
    } else if (title.trim().length() > 200) {
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
    return new TicketForm(title.trim(), Price.of(amount));
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
