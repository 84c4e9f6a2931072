package dev.ticketing.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request that changes something when a browser says another site sent it: by {@code
 * Sec-Fetch-Site}, or by {@code Origin} from browsers that send no such header. A client that sends
 * neither is no browser, and carries no cookie it did not mean to. This stands in for Spring
 * Security's CSRF protection, whose token the clients of the original API do not send; the session
 * cookie's {@code SameSite=Lax} is the first line.
 */
final class CrossSiteRequests extends OncePerRequestFilter {

  static final String REFUSAL = "Cross-site requests are not allowed";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final Set<String> OWN_SITE = Set.of("same-origin", "none");

  private final ErrorResponses errors;

  CrossSiteRequests(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!SAFE.contains(request.getMethod()) && isCrossSite(request)) {
      errors.write(response, HttpStatus.FORBIDDEN, REFUSAL);
      return;
    }
    chain.doFilter(request, response);
  }

  private static boolean isCrossSite(HttpServletRequest request) {
    String fetchSite = request.getHeader("Sec-Fetch-Site");
    if (fetchSite != null) {
      return !OWN_SITE.contains(fetchSite);
    }
    String origin = request.getHeader("Origin");
    return origin != null && !hostOf(origin).equalsIgnoreCase(request.getHeader("Host"));
  }

  /** The {@code host[:port]} of an origin; empty for {@code null} or anything malformed. */
  private static String hostOf(@Nullable String origin) {
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority == null ? "" : authority;
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}
