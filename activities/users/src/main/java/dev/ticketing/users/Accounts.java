package dev.ticketing.users;

import static dev.ticketing.workflows.Rejection.INVALID;
import static dev.ticketing.workflows.Rejection.NOT_AUTHORIZED;
import static dev.ticketing.workflows.Rejection.THROTTLED;

import dev.ticketing.workflows.UserId;
import java.time.Duration;
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
    Optional<Duration> locked = throttle.lockedFor(email);
    if (locked.isPresent()) {
      long minutes = Math.max(1, locked.get().toSeconds() / 60 + 1);
      throw THROTTLED.failure("Too many failed sign-ins; try again in " + minutes + " minutes");
    }
    Optional<User> user = users.findByEmail(email);
    String hash = user.map(User::passwordHash).orElse(unknownUserHash);
    if (!passwords.matches(password, hash) || user.isEmpty()) {
      throttle.failed(email);
      throw INVALID.failure("Invalid credentials");
    }
    return user.get();
  }

  public Optional<User> find(UserId id) {
    return users.find(id);
  }

  /** Changes the email, the password or both, once the current password is proven. */
  public User update(
      UserId id, String currentPassword, @Nullable String email, @Nullable String password) {
    User user = users.find(id).orElseThrow(() -> NOT_AUTHORIZED.failure("Not authorized"));
    if (!passwords.matches(currentPassword, user.passwordHash())) {
      throw INVALID.failure("Invalid credentials");
    }
    if (email == null && password == null) {
      return user;
    }
    return users.update(
        id,
        email == null ? null : email.trim(),
        password == null ? null : passwords.encode(password));
  }
}
