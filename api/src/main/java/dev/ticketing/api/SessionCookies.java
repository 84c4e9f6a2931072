package dev.ticketing.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * Authenticates a request by its session cookie, as Spring Security's pre-authentication does a
 * certificate: a token that verifies names the user, who is signed in while the token's session
 * version is still the user's. A request with no such token goes on signed out; routes that need a
 * user then answer 401. A users store that does not answer fails the request (503).
 */
final class SessionCookies extends AbstractPreAuthenticatedProcessingFilter {

  private final Sessions sessions;

  SessionCookies(Sessions sessions, SessionVersions versions) {
    this.sessions = sessions;
    setAuthenticationManager(cookie -> {
      var token = (Sessions.Token) cookie.getPrincipal();
      if (!versions.isCurrent(token.user().id(), token.sessionVersion())) {
        throw new BadCredentialsException("The session has ended");
      }
      return new PreAuthenticatedAuthenticationToken(token.user(), null, List.of());
    });
    setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
  }

  @Override
  protected Sessions.@Nullable Token getPreAuthenticatedPrincipal(HttpServletRequest request) {
    return sessions.token(request).flatMap(sessions::verify).orElse(null);
  }

  @Override
  protected Object getPreAuthenticatedCredentials(HttpServletRequest request) {
    return "";
  }
}
