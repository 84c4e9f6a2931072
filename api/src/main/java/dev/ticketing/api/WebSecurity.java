package dev.ticketing.api;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.io.ByteArrayOutputStream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The API's HTTP edge, in Spring Security's filter chain: the body rules first, then the query's
 * decoding, the refusal of cross-site writes, the session cookie's authentication, the routes that
 * need a signed-in user (401 in the error format otherwise), and the security headers on every
 * answer. Answers that set no caching of their own (every API answer) get Spring Security's {@code
 * no-store}.
 */
@Configuration(proxyBeanMethods = false)
class WebSecurity {

  // The web client and Stripe Elements (js.stripe.com, its frames and api.stripe.com) work under
  // this; inline styles are React's style attributes.
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self' https://js.stripe.com https://*.js.stripe.com;"
          + " style-src 'self' 'unsafe-inline'; img-src 'self' data: https://*.stripe.com;"
          + " connect-src 'self' https://api.stripe.com;"
          + " frame-src https://js.stripe.com https://*.js.stripe.com https://hooks.stripe.com;"
          + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

  /** The routes only a signed-in user may call. */
  static final RequestMatcher SIGNED_IN =
      new OrRequestMatcher(
          route(POST, "/api/tickets"),
          route(PUT, "/api/tickets/*"),
          reads("/api/orders"),
          route(POST, "/api/orders"),
          reads("/api/orders/*"),
          route(DELETE, "/api/orders/*"),
          reads("/api/payments"),
          route(POST, "/api/payments"),
          route(PATCH, "/api/users/currentuser"),
          reads("/api/sales"),
          reads("/api/payouts"),
          reads("/api/payouts/account"),
          route(POST, "/api/payouts/account"));

  /** Routes open to anyone that answer differently to a signed-in user. */
  static final RequestMatcher WHO_ASKS =
      new OrRequestMatcher(
          reads("/api/users/currentuser"),
          route(POST, "/api/users/signout"),
          reads("/api/events/stream"));

  /**
   * Spring Security's firewall, letting an encoded slash through: a path segment holding one is an
   * id like any other, and answers 404 as the contract says, not 400. Tomcat passes it on encoded
   * (ServletContainer), so the decoded path holds a {@code %} too; so is a backslash. And any
   * method: one a route does not take is 405 with {@code Allow} from Spring MVC; the signed-in
   * routes are named by method. What it still refuses as the request comes is 404 for a path that
   * decodes, as an unknown id is, and 400 {@code Bad Request} for one that does not; a parameter
   * name of unassigned or control characters, found as it is read, is 400 (ApiErrors).
   */
  @Bean
  WebSecurityCustomizer encodedSlashesInIds(ErrorResponses errors) {
    var firewall = new StrictHttpFirewall();
    firewall.setAllowUrlEncodedSlash(true);
    firewall.setAllowUrlEncodedPercent(true);
    firewall.setAllowBackSlash(true);
    firewall.setUnsafeAllowAnyHttpMethod(true);
    return web ->
        web.httpFirewall(firewall)
            .requestRejectedHandler((request, response, rejected) -> {
              if (decodes(request.getRequestURI())) {
                errors.write(response, HttpStatus.NOT_FOUND, "Not Found");
              } else {
                errors.write(response, HttpStatus.BAD_REQUEST, "Bad Request");
              }
            });
  }

  /**
   * Whether a path as sent decodes: each {@code %} two hex digits, the bytes UTF-8, none of them
   * NUL. One that does (an id of {@code %2e%2e%2f}, {@code a;b}) and the firewall still refuses is
   * 404 as any unknown id is; one that does not is 400.
   */
  static boolean decodes(String path) {
    var bytes = new ByteArrayOutputStream(path.length());
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c != '%') {
        bytes.write(c);
        continue;
      }
      int high = i + 2 < path.length() ? Character.digit(path.charAt(i + 1), 16) : -1;
      int low = high < 0 ? -1 : Character.digit(path.charAt(i + 2), 16);
      if (low < 0 || (high == 0 && low == 0)) {
        return false;
      }
      bytes.write(high * 16 + low);
      i += 2;
    }
    return BodyLimits.isUtf8(bytes.toByteArray());
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http, Sessions cookies, SessionVersions versions, ErrorResponses errors)
      throws Exception {
    var sessions = new SessionCookies(cookies, versions);
    sessions.setRequiresAuthenticationRequestMatcher(new OrRequestMatcher(SIGNED_IN, WHO_ASKS));
    return http.csrf(AbstractHttpConfigurer::disable)
        .cors(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .requestCache(AbstractHttpConfigurer::disable)
        .sessionManagement(
            session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .addFilterAfter(new BodyLimits(errors), HeaderWriterFilter.class)
        .addFilterAfter(new QueryDecoding(errors), BodyLimits.class)
        .addFilterAfter(new CrossSiteRequests(errors), QueryDecoding.class)
        .addFilterBefore(sessions, AnonymousAuthenticationFilter.class)
        .authorizeHttpRequests(
            routes -> routes.requestMatchers(SIGNED_IN).authenticated().anyRequest().permitAll())
        .exceptionHandling(refusals ->
            refusals
                .authenticationEntryPoint((request, response, e) ->
                    errors.write(response, HttpStatus.UNAUTHORIZED, "Not authorized"))
                .accessDeniedHandler((request, response, e) ->
                    errors.write(response, HttpStatus.UNAUTHORIZED, "Not authorized")))
        .headers(headers ->
            headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .frameOptions(frames -> frames.deny())
                .referrerPolicy(
                    referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)))
        .build();
  }

  /** A route that reads: by GET, and by HEAD, which Spring MVC answers with the GET handler. */
  private static RequestMatcher reads(String path) {
    return new OrRequestMatcher(route(GET, path), route(HEAD, path));
  }

  private static RequestMatcher route(HttpMethod method, String path) {
    return PathPatternRequestMatcher.withDefaults().matcher(method, path);
  }
}
