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
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a request body must be before anything else, authentication included, looks at it: at most 1
 * MiB (by its Content-Length, or by the bytes read), exactly JSON, and UTF-8 without a malformed
 * byte. Here because neither Tomcat nor Spring MVC limits a JSON body's size, Spring MVC judges the
 * type only of bodies its handlers read, after authentication, and Jackson reads malformed UTF-8.
 * The body is read here whole, then read again from memory.
 */
public final class BodyLimits extends OncePerRequestFilter {

  public static final int LIMIT = 1 << 20;
  static final String TOO_LARGE = "The body must be at most 1 MiB";
  static final String JSON_ONLY = "The body must be application/json";
  static final String NOT_JSON = "The body is not valid JSON";
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
    } else if (length > 0 || chunked) {
      byte[] body = request.getInputStream().readNBytes(LIMIT + 1);
      if (body.length > LIMIT) {
        errors.write(response, HttpStatus.CONTENT_TOO_LARGE, TOO_LARGE);
      } else if (isUtf8(request.getCharacterEncoding()) && !isUtf8(body)) {
        errors.write(response, HttpStatus.BAD_REQUEST, NOT_JSON);
      } else {
        chain.doFilter(new Buffered(request, body), response);
      }
    } else {
      chain.doFilter(request, response);
    }
  }

  /** {@code application/json}, as the contract says: not a wildcard, nor another {@code +json}. */
  static boolean isJson(@Nullable String contentType) {
    if (contentType == null) {
      return false;
    }
    try {
      MediaType type = MediaType.parseMediaType(contentType);
      return JSON.contains(type.getType() + "/" + type.getSubtype());
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  /** Whether a body in this charset (none named: JSON's own, UTF-8) is read as UTF-8. */
  private static boolean isUtf8(@Nullable String charset) {
    return charset == null || charset.equalsIgnoreCase("utf-8") || charset.equalsIgnoreCase("utf8");
  }

  /**
   * Whether the bytes are UTF-8 exactly. Jackson's reader takes an overlong form ({@code C0 AF} for
   * {@code /}) as the character it spells, so a title or an email would be stored as other than
   * sent, and a key could be spelt past a check; Java's decoder refuses every malformed form.
   */
  static boolean isUtf8(byte[] body) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder(); // reports what is malformed
    ByteBuffer in = ByteBuffer.wrap(body);
    CharBuffer out = CharBuffer.allocate(4096);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      if (result.isUnderflow()) {
        return !decoder.flush(out).isError();
      }
      out.clear();
    }
  }

  /** A request whose body was read here, to check it, and is read again from memory. */
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
