package dev.ticketing.users;

import dev.ticketing.workflows.UserId;
import java.time.Instant;
import java.util.Locale;

/**
 * An account: an email unique regardless of case, a bcrypt hash of its password, and the version of
 * its sessions: a session token issued at an older one has ended (signed out, password changed).
 */
public record User(
    UserId id,
    String email,
    String passwordHash,
    long sessionVersion,
    long version,
    Instant createdAt) {

  static User registered(UserId id, String email, String passwordHash, Instant now) {
    return new User(id, email, passwordHash, 0, 0, now);
  }

  /** The form of an email that uniqueness and sign-in compare. */
  static String key(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  User withEmail(String newEmail) {
    return new User(id, newEmail, passwordHash, sessionVersion, version, createdAt);
  }

  /** A new password ends the sessions signed in with the old one. */
  User withPasswordHash(String newHash) {
    return new User(id, email, newHash, sessionVersion + 1, version, createdAt);
  }

  User endSessions() {
    return new User(id, email, passwordHash, sessionVersion + 1, version, createdAt);
  }

  @Override
  public String toString() {
    return "User[" + id + ", " + email + "]";
  }
}
