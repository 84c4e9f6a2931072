package dev.ticketing.api;

import dev.ticketing.store.Sha256;
import dev.ticketing.workflows.UserId;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import javax.crypto.SecretKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Sessions are JWTs (HS256, with {@code id}, {@code email}, {@code iat}, {@code exp}) in the
 * HttpOnly {@code session} cookie. A token that is malformed, tampered with, unsigned or expired is
 * no session at all.
 */
@Component
public class Sessions {

  public static final String COOKIE = "session";
  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  private final SecretKey key;
  private final SessionSettings settings;
  private final Clock clock = Clock.systemUTC();

  public Sessions(SessionSettings settings, Environment environment) {
    this.settings = settings;
    this.key = signingKey(settings, environment);
  }

  public ResponseCookie issue(CurrentUser user) {
    Instant now = clock.instant();
    String token =
        Jwts.builder()
            .claim("id", user.id().value())
            .claim("email", user.email())
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(settings.lifetime())))
            .signWith(key, Jwts.SIG.HS256)
            .compact();
    return cookie(token).maxAge(settings.lifetime()).build();
  }

  public ResponseCookie clear() {
    return cookie("").maxAge(0).build();
  }

  public Optional<CurrentUser> current(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(cookie -> COOKIE.equals(cookie.getName()))
        .findFirst()
        .flatMap(cookie -> read(cookie.getValue()));
  }

  private Optional<CurrentUser> read(String token) {
    try {
      var claims = Jwts.parser().verifyWith(key).build().parseSignedClaims(token).getPayload();
      String id = claims.get("id", String.class);
      String email = claims.get("email", String.class);
      if (id == null || email == null || claims.getIssuedAt() == null) {
        return Optional.empty();
      }
      long issuedAt = claims.getIssuedAt().toInstant().getEpochSecond();
      return Optional.of(new CurrentUser(new UserId(id), email, issuedAt));
    } catch (JwtException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private ResponseCookie.ResponseCookieBuilder cookie(String value) {
    return ResponseCookie.from(COOKIE, value)
        .httpOnly(true)
        .path("/")
        .sameSite("Lax")
        .secure(settings.secureCookie());
  }

  /** JWT_KEY's bytes (hashed to 256 bits when shorter); a generated key outside production. */
  private static SecretKey signingKey(SessionSettings settings, Environment environment) {
    String configured = settings.key();
    if (configured != null && !configured.isBlank()) {
      byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
      return Keys.hmacShaKeyFor(bytes.length >= 32 ? bytes : Sha256.of(bytes));
    }
    if (environment.acceptsProfiles(Profiles.of("prod"))) {
      throw new IllegalStateException("JWT_KEY must be set to start under the prod profile");
    }
    log.warn(
        "JWT_KEY is not set: sessions are signed with a key made up at start, so they end when"
            + " the API restarts. Set JWT_KEY in any shared environment.");
    byte[] generated = new byte[32];
    new SecureRandom().nextBytes(generated);
    return Keys.hmacShaKeyFor(generated);
  }
}
