package dev.ticketing.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request body must be before anything else, authentication included, looks at it: at most 1
 * MiB (by its Content-Length, or by the bytes read when it is chunked), and exactly JSON. Here
 * because neither Tomcat nor Spring MVC limits a JSON body's size, and Spring MVC judges the type
 * only of bodies its handlers read, after authentication.
 */
public final class BodyLimits extends OncePerRequestFilter {

  public static final int LIMIT = 1 << 20;
  static final String TOO_LARGE = "The body must be at most 1 MiB";
  static final String JSON_ONLY = "The body must be application/json";
  private static final Set<String> JSON = Set.of("application/json");

  private final ErrorResponses errors;

  public BodyLimits(ErrorResponses errors) {
    this.errors = errors;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long length = request.getContentLengthLong();
    boolean chunked = "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
    if (length > LIMIT) {
      errors.write(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
    } else if ((length > 0 || chunked) && !isJson(request.getContentType())) {
      errors.write(response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, JSON_ONLY);
    } else if (chunked) {
      byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
      if (body.length > LIMIT) {
        errors.write(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
      } else {
        chain.doFilter(new Buffered(request, body), response);
      }
    } else {
      chain.doFilter(request, response);
    }
  }

  /**
   * {@code application/json} or a {@code +json} type, never a wildcard such as {@code *}{@code /*}.
   */
  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return !type.isWildcardType()
          && !type.isWildcardSubtype()
          && (JSON.contains(type.getType() + "/" + type.getSubtype())
              || type.getSubtype().endsWith("+json"));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /**
   * A chunked request whose body was read here, to learn its size, and is read again from memory.
   */
  private static final class Buffered extends HttpServletRequestWrapper {
    private final byte[] body;

    Buffered(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      var bytes = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return bytes.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
          return bytes.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          return bytes.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          try {
            listener.onDataAvailable();
            listener.onAllDataRead();
          } catch (IOException e) {
            listener.onError(e);
          }
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }
  }
}
