package dev.ticketing.users.web;

import dev.ticketing.api.JsonForm;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A change to the signed-in account: a new email, a new password or both, proven by the current
 * one.
 */
record AccountChange(String currentPassword, @Nullable String email, @Nullable String password) {

  static AccountChange from(@Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String current = form.text("currentPassword");
    if (current == null || current.isEmpty()) {
      form.reject("currentPassword", "You must supply your current password");
    }
    String email = form.has("email") ? Credentials.email(form, "email") : null;
    String password = form.has("password") ? Credentials.newPassword(form, "password") : null;
    form.check();
    return new AccountChange(current, email, password);
  }
}
