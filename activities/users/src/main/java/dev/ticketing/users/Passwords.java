package dev.ticketing.users;

import dev.ticketing.store.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * bcrypt, which reads at most 72 bytes of a password: a longer one (64 characters of Greek or emoji
 * are, in UTF-8) is hashed with SHA-256 first, so every one of its characters counts.
 */
final class Passwords implements PasswordEncoder {

  private static final int BCRYPT_BYTES = 72;

  private final PasswordEncoder bcrypt;

  Passwords(PasswordEncoder bcrypt) {
    this.bcrypt = bcrypt;
  }

  @Override
  public String encode(CharSequence password) {
    return bcrypt.encode(fitted(password));
  }

  @Override
  public boolean matches(CharSequence password, String hash) {
    return bcrypt.matches(fitted(password), hash);
  }

  private static CharSequence fitted(CharSequence password) {
    byte[] bytes = password.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= BCRYPT_BYTES) {
      return password;
    }
    return Base64.getEncoder().encodeToString(Sha256.of(bytes));
  }
}
