package dev.ticketing.users;

import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.NOT_AUTHORIZED;

import dev.ticketing.workflows.UserId;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Signing up, signing in and changing an account; passwords are only ever seen hashed. */
public final class Accounts {

  private final Users users;
  private final SignInThrottle throttle;
  private final PasswordEncoder passwords;
  // Unknown emails are checked against this, so they take as long as wrong passwords do.
  private final String unknownUserHash;

  public Accounts(Users users, SignInThrottle throttle, PasswordEncoder passwords) {
    this.users = users;
    this.throttle = throttle;
    this.passwords = passwords;
    this.unknownUserHash = passwords.encode("not anybody's password");
  }

  public User signUp(String email, String password) {
    return users.register(email.trim(), passwords.encode(password));
  }

  public User signIn(String email, String password) {
    Instant attempt = throttle.attempt(email);
    Optional<User> user = users.findByEmail(email);
    String hash = user.map(User::passwordHash).orElse(unknownUserHash);
    if (!passwords.matches(password, hash) || user.isEmpty()) {
      throw INVALID.failure("Invalid credentials"); // counted as failed already
    }
    throttle.succeeded(email, attempt);
    return user.get();
  }

  public Optional<User> find(UserId id) {
    return users.find(id);
  }

  /**
   * Changes the email, the password or both, once the current password is proven; wrong guesses
   * count towards the same lock as failed sign-ins.
   */
  public User update(
      UserId id, String currentPassword, @Nullable String email, @Nullable String password) {
    User user = users.find(id).orElseThrow(() -> NOT_AUTHORIZED.failure("Not authorized"));
    Instant attempt = throttle.attempt(user.email());
    if (!passwords.matches(currentPassword, user.passwordHash())) {
      throw INVALID.failure("Invalid credentials"); // counted as failed already
    }
    throttle.succeeded(user.email(), attempt);
    if (email == null && password == null) {
      return user;
    }
    String hash = password == null ? null : passwords.encode(password);
    return users.update(
        id,
        current -> {
          User next = email == null ? current : current.withEmail(email.trim());
          return hash == null ? next : next.withPasswordHash(hash);
        });
  }

  /** Ends the user's sessions, every one issued so far. */
  public User signOut(UserId id) {
    return users.signOut(id);
  }
}
