package dev.ticketing.api;

import dev.ticketing.payments.PaymentSettings;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * The browser client, built into {@code static/}: its files as they are, and {@code index.html} for
 * every other page path, so the client's own routes survive a reload. Paths under {@code /api/}
 * stay the API's.
 */
@Configuration(proxyBeanMethods = false)
class WebClient implements WebMvcConfigurer {

  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    // Vite names every built asset after its content, so a browser may keep one for good.
    registry
        .addResourceHandler("/assets/**")
        .addResourceLocations("classpath:/static/assets/")
        .setCacheControl(CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
    registry
        .addResourceHandler("/**")
        .addResourceLocations("classpath:/static/")
        .setCacheControl(CacheControl.noCache())
        .resourceChain(true)
        .addResolver(new ClientRoutes());
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
          !path.startsWith("api/") && !path.substring(path.lastIndexOf('/') + 1).contains(".");
      Resource index = location.createRelative("index.html");
      return page && index.isReadable() ? index : null;
    }
  }

  /** What the client needs to know of the server: {@code GET /api/config}. */
  @RestController
  static class ClientConfigController {

    record ClientConfig(@Nullable String stripePublishableKey, Instant serverTime) {}

    private final PaymentSettings payments;

    ClientConfigController(PaymentSettings payments) {
      this.payments = payments;
    }

    @GetMapping("/api/config")
    ClientConfig config() {
      String key = payments.stripe().publishableKey();
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      return new ClientConfig(key == null || key.isBlank() ? null : key, now);
    }
  }
}
