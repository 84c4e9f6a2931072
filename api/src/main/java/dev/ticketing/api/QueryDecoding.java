package dev.ticketing.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A query that can't be decoded ({@code %zz}, bytes that are not UTF-8, a name of control
 * characters) is 400 {@code Bad Request} on every route, as the contract says. Tomcat decodes a
 * query when it is first read, so a route that reads none took it as if it were not there. After
 * {@link BodyLimits}, so that the body is JSON and reading the parameters never reads it as a form.
 */
final class QueryDecoding extends OncePerRequestFilter {

  private final ErrorResponses errors;

  QueryDecoding(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getQueryString() != null) {
      try {
        request.getParameterMap();
      } catch (InvalidParameterException | RequestRejectedException undecodable) {
        errors.write(response, HttpStatus.BAD_REQUEST, "Bad Request");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
