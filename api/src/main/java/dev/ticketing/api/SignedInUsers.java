package dev.ticketing.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Gives a controller parameter of type {@link CurrentUser} the session's user, or answers 401. */
@Configuration(proxyBeanMethods = false)
public class SignedInUsers implements WebMvcConfigurer, HandlerMethodArgumentResolver {

  private final Sessions sessions;

  public SignedInUsers(Sessions sessions) {
    this.sessions = sessions;
  }

  @Override
  public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
    resolvers.add(this);
  }

  @Override
  public boolean supportsParameter(MethodParameter parameter) {
    return parameter.getParameterType() == CurrentUser.class;
  }

  @Override
  public CurrentUser resolveArgument(
      MethodParameter parameter,
      ModelAndViewContainer container,
      NativeWebRequest request,
      WebDataBinderFactory binders) {
    return sessions
        .current(request.getNativeRequest(HttpServletRequest.class))
        .orElseThrow(ApiException::notAuthorized);
  }
}
