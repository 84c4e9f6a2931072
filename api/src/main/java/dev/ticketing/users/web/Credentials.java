package dev.ticketing.users.web;

import dev.ticketing.api.JsonForm;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** An email and password, as signing up and signing in take them. */
record Credentials(String email, String password) {

  private static final Pattern EMAIL = Pattern.compile("^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$");

  static Credentials forSignUp(@Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String email = email(form, "email");
    String password = newPassword(form, "password");
    form.check();
    return new Credentials(email, password);
  }

  static Credentials forSignIn(@Nullable JsonNode body) {
    var form = JsonForm.of(body);
    String email = email(form, "email");
    String password = form.text("password");
    if (password == null || password.isEmpty()) {
      form.reject("password", "You must supply a password");
    }
    form.check();
    return new Credentials(email, password);
  }

  static String email(JsonForm form, String field) {
    String email = form.text(field);
    if (email == null || email.trim().length() > 254 || !EMAIL.matcher(email.trim()).matches()) {
      form.reject(field, "Email must be valid");
      return "";
    }
    return email.trim();
  }

  static String newPassword(JsonForm form, String field) {
    String password = form.text(field);
    int length = password == null ? 0 : password.codePointCount(0, password.length());
    if (length < 8 || length > 64) {
      form.reject(field, "Password must be between 8 and 64 characters");
      return "";
    }
    return password;
  }
}
