package cn.ecolaw.platform.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Authentication of the two HTTP APIs; the webapps (Tasklist, Cockpit, Admin) keep Camunda's own login.
 * <ul>
 *   <li>{@code /engine-rest/*}: Camunda's {@link ProcessEngineAuthenticationFilter} with HTTP Basic against the
 *       identity service (anonymous and wrong credentials: 401);</li>
 *   <li>{@code /api/*}: {@link ApiAuthenticationFilter} (same users, 401 with a Chinese message) and
 *       {@link CaseAccessInterceptor} for the case a request addresses.</li>
 * </ul>
 * Camunda's authorization checks ({@code camunda.bpm.authorization.enabled}) then apply to every engine call made
 * for an authenticated user.
 */
@Configuration
@EnableConfigurationProperties(AccessProperties.class)
public class SecurityConfiguration {

  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("engine-rest-authentication");
    registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    registration.addInitParameter(ProcessEngineAuthenticationFilter.SERVLET_PATH_PREFIX, "/engine-rest");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity,
      ObjectMapper json) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, json));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public WebMvcConfigurer caseAccessInterceptorConfigurer(CaseAccess access, Caller caller,
      AuthorizationService authorizations) {
    return new WebMvcConfigurer() {
      @Override
      public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new CaseAccessInterceptor(access, caller, authorizations)).addPathPatterns("/api/**");
      }
    };
  }
}
