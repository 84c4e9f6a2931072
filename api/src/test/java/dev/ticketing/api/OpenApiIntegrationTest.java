package dev.ticketing.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ticketing.harness.ApiClient.Answer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

class OpenApiIntegrationTest extends ApiIntegrationTest {

  /** Every endpoint of API.md. */
  static final List<String> CONTRACT =
      List.of(
          "POST /api/users/signup",
          "POST /api/users/signin",
          "POST /api/users/signout",
          "GET /api/users/currentuser",
          "PATCH /api/users/currentuser",
          "POST /api/tickets",
          "GET /api/tickets",
          "GET /api/tickets/{id}",
          "PUT /api/tickets/{id}",
          "POST /api/orders",
          "GET /api/orders",
          "GET /api/orders/{id}",
          "DELETE /api/orders/{id}",
          "POST /api/payments",
          "GET /api/payments",
          "POST /api/payments/webhook",
          "GET /api/events/stream",
          "GET /api/config");

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void theDocumentDescribesEveryEndpointOfTheContract() {
    assertThat(documented()).containsAll(CONTRACT);
  }

  @Test
  void theDocumentDescribesEveryEndpointTheApiServes() {
    List<String> served = new ArrayList<>();
    mappings
        .getHandlerMethods()
        .forEach((info, handler) -> {
          if (handler.getBeanType().getPackageName().startsWith("dev.ticketing")) {
            for (String path : info.getPatternValues()) {
              info.getMethodsCondition()
                  .getMethods()
                  .forEach(method -> served.add(method + " " + path));
            }
          }
        });

    assertThat(served).isNotEmpty();
    assertThat(documented()).containsAll(served.stream().filter(e -> e.contains("/api/")).toList());
  }

  @Test
  void theDocumentSaysWhoMayCallWhatAndEveryErrorItCanAnswer() {
    JsonNode document = anonymous().get("/v3/api-docs").body();
    JsonNode paths = document.path("paths");

    assertThat(document.at("/components/securitySchemes/session/in").asString())
        .isEqualTo("cookie");
    assertThat(paths.has("/error")).isFalse();
    JsonNode listing = paths.path("/api/tickets").path("post");
    assertThat(listing.path("security").toString()).contains("session");
    assertThat(listing.path("parameters").toString()).doesNotContain("seller");
    assertThat(listing.path("responses").propertyNames())
        .contains("201", "400", "401", "403", "413", "415", "500", "503");
    assertThat(listing.at("/responses/401/content/application~1json/schema/$ref").asString())
        .isEqualTo("#/components/schemas/Errors");
    assertThat(paths.path("/api/tickets").path("get").path("security").isMissingNode()).isTrue();
    assertThat(paths.path("/api/payments").path("post").path("responses").propertyNames())
        .contains("402", "409");
    assertThat(document.at("/components/schemas/TicketResponse/properties/orderId/type").toString())
        .contains("null");
    assertThat(
            document
                .at("/components/schemas/CurrentUserResponse/properties/currentUser/anyOf")
                .toString())
        .contains("null");
  }

  @Test
  void theDocumentIsBrowsable() {
    Answer ui = anonymous().send("GET", "/swagger-ui/index.html", null, "Accept", "text/html");
    assertThat(ui.status()).isEqualTo(200);
  }

  private List<String> documented() {
    Answer document = anonymous().get("/v3/api-docs");
    assertThat(document.status()).isEqualTo(200);
    List<String> endpoints = new ArrayList<>();
    JsonNode paths = document.body().path("paths");
    for (String path : paths.propertyNames()) {
      for (String method : paths.path(path).propertyNames()) {
        endpoints.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    return endpoints;
  }
}
