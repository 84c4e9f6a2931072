package dev.ticketing.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

/**
 * Tomcat, set up so that every answer keeps the API's contract: an encoded slash in a path reaches
 * the API as part of an id (and is 404 there, not a container 400), and an error Tomcat raises
 * before the API sees the request still gets the JSON error body.
 */
@Configuration(proxyBeanMethods = false)
class ServletContainer {

  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcat() {
    return factory -> {
      factory.addConnectorCustomizers(connector -> {
        connector.setEncodedSolidusHandling("passthrough");
        connector.setEncodedReverseSolidusHandling("passthrough");
      });
      factory.addContextCustomizers(context -> {
        if (context.getParent() instanceof StandardHost host) {
          host.setErrorReportValveClass(JsonErrorReport.class.getName());
        }
      });
    };
  }

  /** Tomcat's own error page, as the API's error body. */
  public static class JsonErrorReport extends ErrorReportValve {
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
      int status = response.getStatus();
      if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
        return;
      }
      HttpStatus resolved = HttpStatus.resolve(status);
      String message = ErrorPages.messageFor(resolved == null ? HttpStatus.BAD_REQUEST : resolved);
      try {
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response
            .getOutputStream()
            .write(
                ("{\"errors\":[{\"message\":\"" + message + "\"}]}")
                    .getBytes(StandardCharsets.UTF_8));
      } catch (IOException | IllegalStateException e) {
        // the client is gone; there is nobody left to answer
      }
    }
  }
}
