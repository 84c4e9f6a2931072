package dev.ticketing.api;

import dev.ticketing.store.LeastRecentlyUsed;
import dev.ticketing.store.Sha256;
import dev.ticketing.workflows.UserId;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * Sessions are JWTs in the HttpOnly {@code session} cookie, signed and verified with HS256 only:
 * {@code id}, {@code email}, {@code iat}, {@code exp}, and {@code sv}, the user's session version
 * when it was issued (signing out and changing the password move it on, ending older tokens). A
 * token that is malformed, tampered with, unsigned, of another algorithm, without an expiry or
 * expired is no session.
 *
 * <p>A token verified once is not verified again while it lasts: it is the same string, under the
 * same key, so jjwt's answer (a parse, two JSON documents and an HMAC: an eighth of the CPU and a
 * quarter of the memory of an on-sale rush's refusal) can only be the same until it expires.
 */
@Component
public class Sessions {

  public static final String COOKIE = "session";
  static final String SESSION_VERSION = "sv";
  private static final Logger log = LoggerFactory.getLogger(Sessions.class);
  private static final int MIN_KEY_BYTES = 32;
  // Keys published as examples, which anyone could sign sessions with.
  private static final Set<String> PLACEHOLDERS =
      Set.of("dev-only-replace-me-with-openssl-rand-base64-48-output");
  // Tokens remembered verified, the least recently used going first: an on-sale rush's buyers.
  private static final int VERIFIED_KEPT = 4_096;

  /** The claims of a verified token. */
  public record Token(CurrentUser user, long sessionVersion) {}

  private record Verified(Token token, Instant expiresAt) {}

  private final SecretKey key;
  private final JwtParser parser;
  private final SessionSettings settings;
  private final InstantSource clock;
  private final Map<String, Verified> verified = new LeastRecentlyUsed<>(VERIFIED_KEPT);

  @Autowired
  public Sessions(SessionSettings settings, Environment environment) {
    this(settings, environment, Clock.systemUTC());
  }

  Sessions(SessionSettings settings, Environment environment, InstantSource clock) {
    this.settings = settings;
    this.clock = clock;
    this.key = signingKey(settings, environment);
    this.parser =
        Jwts.parser()
            .verifyWith(key)
            .sig()
            .clear()
            .add(Jwts.SIG.HS256)
            .and()
            .clock(() -> Date.from(clock.instant()))
            .build();
  }

  public ResponseCookie issue(UserId user, String email, long sessionVersion) {
    Instant now = clock.instant();
    String token =
        Jwts.builder()
            .claim("id", user.value())
            .claim("email", email)
            .claim(SESSION_VERSION, sessionVersion)
            .issuedAt(Date.from(now))
            .expiration(Date.from(now.plus(settings.lifetime())))
            .signWith(key, Jwts.SIG.HS256)
            .compact();
    return cookie(token).maxAge(settings.lifetime()).build();
  }

  public ResponseCookie clear() {
    return cookie("").maxAge(0).build();
  }

  /** The request's session cookie, if it sent one. */
  public Optional<String> token(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(cookie -> COOKIE.equals(cookie.getName()))
            .map(Cookie::getValue)
            .findFirst();
  }

  /** What a token says, if it is one of ours and unexpired. */
  public Optional<Token> verify(String token) {
    Verified known;
    synchronized (verified) {
      known = verified.get(token);
    }
    if (known == null) {
      known = parse(token);
      if (known == null) {
        return Optional.empty();
      }
      synchronized (verified) {
        verified.put(token, known);
      }
    }
    if (clock.instant().isBefore(known.expiresAt())) {
      return Optional.of(known.token());
    }
    synchronized (verified) {
      verified.remove(token); // a cookie sent again after it expired keeps no place here
    }
    return Optional.empty();
  }

  private @Nullable Verified parse(String token) {
    try {
      var claims = parser.parseSignedClaims(token).getPayload();
      String id = claims.get("id", String.class);
      String email = claims.get("email", String.class);
      // A token from before session versions were signed is of the first version.
      Number version = claims.getOrDefault(SESSION_VERSION, 0) instanceof Number n ? n : null;
      Date issuedAt = claims.getIssuedAt();
      Date expiresAt = claims.getExpiration();
      if (id == null || email == null || version == null || issuedAt == null || expiresAt == null) {
        return null;
      }
      var user = new CurrentUser(new UserId(id), email, issuedAt.toInstant().getEpochSecond());
      return new Verified(new Token(user, version.longValue()), expiresAt.toInstant());
    } catch (JwtException | IllegalArgumentException e) {
      return null;
    }
  }

  private ResponseCookie.ResponseCookieBuilder cookie(String value) {
    return ResponseCookie.from(COOKIE, value)
        .httpOnly(true)
        .path("/")
        .sameSite("Lax")
        .secure(settings.secureCookie());
  }

  /**
   * JWT_KEY's bytes; under the prod profile at least 256 bits and no published placeholder. Outside
   * it a short key is stretched to 256 bits with SHA-256, and a missing one is made up at start.
   */
  private static SecretKey signingKey(SessionSettings settings, Environment environment) {
    String configured = settings.key();
    boolean production = environment.acceptsProfiles(Profiles.of("prod"));
    if (configured == null || configured.isBlank()) {
      if (production) {
        throw new IllegalStateException("JWT_KEY must be set to start under the prod profile");
      }
      log.warn(
          "JWT_KEY is not set: sessions are signed with a key made up at start, so they end when"
              + " the API restarts. Set JWT_KEY in any shared environment.");
      byte[] generated = new byte[MIN_KEY_BYTES];
      new SecureRandom().nextBytes(generated);
      return Keys.hmacShaKeyFor(generated);
    }
    byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
    if (production && (bytes.length < MIN_KEY_BYTES || PLACEHOLDERS.contains(configured.trim()))) {
      throw new IllegalStateException(
          "JWT_KEY must be a secret of at least 256 bits (32 bytes), not an example: make one"
              + " with `openssl rand -base64 48`");
    }
    return Keys.hmacShaKeyFor(bytes.length >= MIN_KEY_BYTES ? bytes : Sha256.of(bytes));
  }
}
