package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ticketing.workflows.UserId;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mock.web.MockHttpServletRequest;

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
    var user = new CurrentUser(new UserId("5f0000000000000000000001"), "a@b.co", 0);

    String cookie = sessions.issue(user).toString();

    assertThat(cookie).contains("HttpOnly", "Path=/", "SameSite=Lax", "Max-Age=86400");
    assertThat(sessions.current(requestWith(cookie)).map(CurrentUser::id)).contains(user.id());
    assertThat(new Sessions(NO_KEY, new MockEnvironment()).current(requestWith(cookie))).isEmpty();
  }

  @Test
  void theCookieIsSecureWhenConfigured() {
    var secure =
        new SessionSettings("a-key-of-at-least-32-bytes-for-hs256", Duration.ofHours(1), true);
    var user = new CurrentUser(new UserId("5f0000000000000000000001"), "a@b.co", 0);

    assertThat(new Sessions(secure, new MockEnvironment()).issue(user).toString())
        .contains("Secure");
  }

  private static MockHttpServletRequest requestWith(String setCookie) {
    var request = new MockHttpServletRequest();
    String value = setCookie.substring("session=".length(), setCookie.indexOf(';'));
    request.setCookies(new jakarta.servlet.http.Cookie("session", value));
    return request;
  }
}
