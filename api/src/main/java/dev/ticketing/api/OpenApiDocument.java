package dev.ticketing.api;

import static org.springframework.core.annotation.AnnotatedElementUtils.hasAnnotation;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The OpenAPI document springdoc writes from the controllers and request records, completed with
 * what they can't say: the session cookie as a security scheme, and every error an operation can
 * answer, each with the error body. An operation states its own particular answers ({@code 201},
 * {@code 402}, a business {@code 400}...) with {@code @ApiResponse}; the ones every operation of a
 * kind shares are added here.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiDocument {

  static final String SESSION = "session";
  private static final String ERRORS = "Errors";
  private static final List<Class<? extends Annotation>> UNSAFE =
      List.of(PostMapping.class, PutMapping.class, PatchMapping.class, DeleteMapping.class);

  @Bean
  OpenAPI openApi() {
    var components =
        new Components()
            .addSecuritySchemes(
                SESSION,
                new SecurityScheme()
                    .type(SecurityScheme.Type.APIKEY)
                    .in(SecurityScheme.In.COOKIE)
                    .name(Sessions.COOKIE)
                    .description("The JWT that signing up or in sets in the HttpOnly cookie"));
    ModelConverters.getInstance().readAll(ApiError.Body.class).forEach(components::addSchemas);
    return new OpenAPI()
        .info(
            new Info()
                .title("Ticketing")
                .version("1")
                .description(
                    "A ticket resale marketplace whose every purchase is a durable Temporal"
                        + " workflow."))
        .components(components);
  }

  /**
   * A nullable field as OpenAPI 3.1 says it: swagger-core writes {@code nullable = true} as the
   * type {@code null} beside a {@code $ref} (which then allows nothing) or beside an {@code enum}
   * that lacks null. Such a field becomes "the reference or null", and such an enum takes null.
   */
  @Bean
  OpenApiCustomizer nullableFieldsAsOpenApi31() {
    return openApi -> {
      for (Schema<?> schema : openApi.getComponents().getSchemas().values()) {
        Map<String, Schema> fields = schema.getProperties();
        if (fields != null) {
          fields.values().stream()
              .filter(OpenApiDocument::isNullable)
              .forEach(OpenApiDocument::orNull);
        }
      }
    };
  }

  private static boolean isNullable(Schema<?> field) {
    return field.getTypes() != null && field.getTypes().contains("null");
  }

  @SuppressWarnings("unchecked")
  private static void orNull(Schema field) {
    if (field.get$ref() != null) {
      field.anyOf(
          List.of(new Schema<>().$ref(field.get$ref()), new Schema<>().types(Set.of("null"))));
      field.set$ref(null);
      field.setTypes(null);
    } else if (field.getEnum() != null && !field.getEnum().contains(null)) {
      field.getEnum().add(null);
    }
  }

  @Bean
  OperationCustomizer errorsEveryOperationCanAnswer() {
    return (operation, handler) -> {
      var parameters = Arrays.asList(handler.getMethodParameters());
      if (parameters.stream().anyMatch(OpenApiDocument::isSignedInUser)) {
        operation.addSecurityItem(new SecurityRequirement().addList(SESSION));
        error(operation, HttpStatus.UNAUTHORIZED, "Not authorized");
      }
      if (parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class))) {
        error(
            operation, HttpStatus.BAD_REQUEST, "A rule of the body is broken; each with its field");
        error(operation, HttpStatus.CONTENT_TOO_LARGE, BodyLimits.TOO_LARGE);
        error(operation, HttpStatus.UNSUPPORTED_MEDIA_TYPE, BodyLimits.JSON_ONLY);
      }
      if (parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestParam.class))) {
        error(operation, HttpStatus.BAD_REQUEST, "A query parameter is invalid");
      }
      if (parameters.stream().anyMatch(p -> p.hasParameterAnnotation(PathVariable.class))) {
        error(operation, HttpStatus.NOT_FOUND, "No such thing: any id that is not one is 404");
        error(operation, HttpStatus.BAD_REQUEST, "The path can't be decoded (%zz, %00)");
      }
      if (UNSAFE.stream().anyMatch(mapping -> hasAnnotation(handler.getMethod(), mapping))) {
        error(operation, HttpStatus.FORBIDDEN, CrossSiteRequests.REFUSAL);
      }
      error(operation, HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong");
      error(operation, HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable");
      withErrorBodies(operation);
      operation.setResponses(sorted(operation));
      return operation;
    };
  }

  /** An error answer, unless the operation describes that status itself: then its body. */
  private static void error(Operation operation, HttpStatus status, String description) {
    operation
        .getResponses()
        .computeIfAbsent(
            String.valueOf(status.value()), code -> new ApiResponse().description(description));
  }

  /** Every error answer, whoever described it, has the error body. */
  private static void withErrorBodies(Operation operation) {
    var body = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERRORS));
    operation
        .getResponses()
        .forEach((code, answer) -> {
          if (code.startsWith("4") || code.startsWith("5")) {
            answer.content(new Content().addMediaType("application/json", body));
          }
        });
  }

  private static ApiResponses sorted(Operation operation) {
    var sorted = new ApiResponses();
    new TreeMap<>(operation.getResponses()).forEach(sorted::addApiResponse);
    return sorted;
  }

  /** A signed-in user the operation needs, not one it merely takes when there is one. */
  private static boolean isSignedInUser(MethodParameter parameter) {
    return parameter.hasParameterAnnotation(AuthenticationPrincipal.class)
        && !parameter.getParameter().getAnnotatedType().isAnnotationPresent(Nullable.class);
  }
}
