package dev.ticketing.api;

import dev.ticketing.orders.OrderSettings;
import dev.ticketing.payments.PaymentSettings;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.EncodedResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * The browser client, built into {@code static/}: its files as they are, and {@code index.html} for
 * every other page path, so the client's own routes survive a reload. Paths under {@code /api/}
 * stay the API's, and those under {@code /actuator/} are nobody's here (the management port has
 * them). The build writes a Brotli ({@code .br}) and a gzip ({@code .gz}) copy beside each text
 * file; a browser that accepts one gets it, with {@code Content-Encoding}.
 */
@Configuration(proxyBeanMethods = false)
class WebClient implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Vite names every built asset after its content, so a browser may keep one for good.
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable())
        .resourceChain(true)
        .addResolver(new BrotliFirst());
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new BrotliFirst())
        .addResolver(new ClientRoutes());
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new VaryByEncoding());
  }

  /**
   * The {@code .br} copy for a browser that accepts Brotli, else the {@code .gz} one. Spring takes
   * the first coding the browser lists, and browsers list gzip first without preferring it; Brotli
   * files are about an eighth smaller.
   */
  static final class BrotliFirst extends EncodedResourceResolver {
    @Override
    protected @Nullable Resource resolveResourceInternal(
        @Nullable HttpServletRequest request,
        String requestPath,
        List<? extends Resource> locations,
        ResourceResolverChain chain) {
      return super.resolveResourceInternal(
          request == null ? null : brotliFirst(request), requestPath, locations, chain);
    }

    private static HttpServletRequest brotliFirst(HttpServletRequest request) {
      String accepted = request.getHeader(HttpHeaders.ACCEPT_ENCODING);
      boolean brotli =
          accepted != null
              && Arrays.stream(accepted.split(","))
                  .map(coding -> coding.split(";")[0].trim().toLowerCase(Locale.ROOT))
                  .anyMatch("br"::equals);
      if (!brotli) {
        return request;
      }
      return new HttpServletRequestWrapper(request) {
        @Override
        public @Nullable String getHeader(String name) {
          return HttpHeaders.ACCEPT_ENCODING.equalsIgnoreCase(name)
              ? "br, " + accepted
              : super.getHeader(name);
        }
      };
    }
  }

  /**
   * Spring marks only a compressed answer {@code Vary: Accept-Encoding}; a cache must know that the
   * uncompressed one varies too, or it could keep it for every browser.
   */
  static final class VaryByEncoding implements HandlerInterceptor {
    @Override
    public boolean preHandle(
        HttpServletRequest request, HttpServletResponse response, Object handler) {
      if (handler instanceof ResourceHttpRequestHandler) {
        response.setHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
      }
      return true;
    }
  }

  /** A file of the client, or its index page for a path that looks like a page. */
  static final class ClientRoutes extends PathResourceResolver {
    @Override
    protected @Nullable Resource getResource(String path, Resource location) throws IOException {
      Resource file = location.createRelative(path);
      if (file.isReadable()) {
        return file;
      }
      boolean page =
          !isUnder(path, "api")
              && !isUnder(path, "actuator")
              && !path.substring(path.lastIndexOf('/') + 1).contains(".");
      Resource index = location.createRelative("index.html");
      return page && index.isReadable() ? index : null;
    }

    /** The folder itself ({@code /api}, {@code /api/}) or anything in it. */
    private static boolean isUnder(String path, String folder) {
      return path.equals(folder) || path.startsWith(folder + "/");
    }
  }

  /** What the client needs to know of the server: {@code GET /api/config}. */
  @RestController
  static class ClientConfigController {

    /** {@code orderHoldSeconds}: how long a new order holds its ticket, told before Purchase. */
    record ClientConfig(
        @Schema(nullable = true) @Nullable String stripePublishableKey,
        Instant serverTime,
        long orderHoldSeconds) {}

    private final PaymentSettings payments;
    private final OrderSettings orders;

    ClientConfigController(PaymentSettings payments, OrderSettings orders) {
      this.payments = payments;
      this.orders = orders;
    }

    @GetMapping("/api/config")
    ClientConfig clientConfig() {
      String key = payments.stripe().publishableKey();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      return new ClientConfig(
          key == null || key.isBlank() ? null : key, now, orders.expiration().toSeconds());
    }
  }
}
