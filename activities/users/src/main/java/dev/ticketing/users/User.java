package dev.ticketing.users;

import dev.ticketing.workflows.UserId;
import java.time.Instant;
import java.util.Locale;

/** An account: an email unique regardless of case, and a bcrypt hash of its password. */
public record User(UserId id, String email, String passwordHash, long version, Instant createdAt) {

  /** The form of an email that uniqueness and sign-in compare. */
  static String key(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  User withEmail(String newEmail) {
    return new User(id, newEmail, passwordHash, version, createdAt);
  }

  User withPasswordHash(String newHash) {
    return new User(id, email, newHash, version, createdAt);
  }

  @Override
  public String toString() {
    return "User[" + id + ", " + email + "]";
  }
}
