package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.workflows.UserId;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class SessionsTest {

  static final SessionSettings NO_KEY = new SessionSettings(null, Duration.ofHours(24), false);

  @Test
  void productionRefusesToStartWithoutAKey() {
    var production = new MockEnvironment();
    production.setActiveProfiles("prod");

    assertThatThrownBy(() -> new Sessions(NO_KEY, production))
        .hasMessage("JWT_KEY must be set to start under the prod profile");
  }

  @Test
  void outsideProductionAGeneratedKeySignsSessionsThatOnlyItReads() {
    var sessions = new Sessions(NO_KEY, new MockEnvironment());
    var user = new UserId("5f0000000000000000000001");

    String cookie = sessions.issue(user, "a@b.co", 0).toString();

    assertThat(cookie).contains("HttpOnly", "Path=/", "SameSite=Lax", "Max-Age=86400");
    assertThat(sessions.verify(token(cookie)).map(t -> t.user().id())).contains(user);
    assertThat(new Sessions(NO_KEY, new MockEnvironment()).verify(token(cookie))).isEmpty();
  }

  @Test
  void theCookieIsSecureWhenConfigured() {
    var secure =
        new SessionSettings("a-key-of-at-least-32-bytes-for-hs256", Duration.ofHours(1), true);
    var user = new UserId("5f0000000000000000000001");

    assertThat(new Sessions(secure, new MockEnvironment()).issue(user, "a@b.co", 0).toString())
        .contains("Secure");
  }

  @Test
  void productionRefusesAShortKeyAndThePublishedPlaceholder() {
    var production = new MockEnvironment();
    production.setActiveProfiles("prod");

    for (String key :
        List.of(
            "thirty-one-bytes-is-one-too-few",
            "dev-only-replace-me-with-openssl-rand-base64-48-output")) {
      assertThatThrownBy(
              () -> new Sessions(new SessionSettings(key, Duration.ofHours(1), true), production))
          .as(key)
          .hasMessageContaining("at least 256 bits");
    }
  }

  @Test
  void onlyHs256TokensOfOurKeyAreSessions() {
    String key = "a-key-of-at-least-64-bytes-so-that-hs512-could-also-sign-with-it!!";
    var sessions =
        new Sessions(new SessionSettings(key, Duration.ofHours(1), false), new MockEnvironment());
    String hs512 =
        claims()
            .expiration(new Date(System.currentTimeMillis() + 60_000))
            .signWith(Keys.hmacShaKeyFor(key.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS512)
            .compact();
    String ours =
        token(sessions.issue(new UserId("5f0000000000000000000001"), "a@b.co", 0).toString());

    assertThat(sessions.verify(ours)).isPresent();
    assertThat(sessions.verify(hs512)).isEmpty();
    assertThat(sessions.verify(ours.substring(0, ours.lastIndexOf('.')) + ".")).isEmpty();
  }

  @Test
  void aTokenVerifiedBeforeIsNoSessionOnceItExpires() {
    // Long past, so that a token read by the system's clock instead of this one is expired at once.
    var now = new AtomicReference<>(Instant.parse("2020-01-01T10:00:00Z"));
    var hour = new SessionSettings(NO_KEY.key(), Duration.ofHours(1), false);
    var sessions = new Sessions(hour, new MockEnvironment(), now::get);
    String token =
        token(sessions.issue(new UserId("5f0000000000000000000001"), "a@b.co", 0).toString());

    assertThat(sessions.verify(token)).isPresent();
    now.set(now.get().plus(Duration.ofMinutes(59)));
    assertThat(sessions.verify(token)).isPresent();
    now.set(now.get().plus(Duration.ofMinutes(1)).plusSeconds(1));
    assertThat(sessions.verify(token)).isEmpty();
  }

  @Test
  void aTokenFirstSeenAfterItExpiredIsNoSession() {
    var now = new AtomicReference<>(Instant.parse("2020-01-01T10:00:00Z"));
    var hour =
        new SessionSettings("a-key-of-at-least-32-bytes-for-hs256", Duration.ofHours(1), false);
    var issuer = new Sessions(hour, new MockEnvironment(), now::get);
    var reader = new Sessions(hour, new MockEnvironment(), now::get);
    String token =
        token(issuer.issue(new UserId("5f0000000000000000000001"), "a@b.co", 0).toString());

    now.set(now.get().plus(Duration.ofHours(1)).plusSeconds(1));

    assertThat(reader.verify(token)).isEmpty();
  }

  @Test
  void aTokenOfOurKeyWithoutAnExpiryIsNoSession() {
    String key = "a-key-of-at-least-32-bytes-for-hs256";
    var sessions =
        new Sessions(new SessionSettings(key, Duration.ofHours(1), false), new MockEnvironment());
    String forever =
        claims()
            .signWith(Keys.hmacShaKeyFor(key.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
            .compact();

    assertThat(sessions.verify(forever)).isEmpty();
  }

  /** A session's claims, issued now, as a token of ours carries them; no expiry yet. */
  private static JwtBuilder claims() {
    return Jwts.builder()
        .claim("id", "5f0000000000000000000001")
        .claim("email", "a@b.co")
        .claim("sv", 0)
        .issuedAt(new Date());
  }

  private static String token(String setCookie) {
    return setCookie.substring("session=".length(), setCookie.indexOf(';'));
  }
}
