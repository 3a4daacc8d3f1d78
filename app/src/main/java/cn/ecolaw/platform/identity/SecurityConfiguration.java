package cn.ecolaw.platform.identity;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
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
 *   <li>{@code /engine-rest/*}: {@link ApiAuthenticationFilter} (HTTP Basic against the identity service; anonymous
 *       and wrong credentials: 401 with a code and a Chinese message; guessing: 429, {@link LoginThrottle});</li>
 *   <li>{@code /api/*}: {@link ApiAuthenticationFilter} (same users, 401 with a Chinese message; or the webapps'
 *       session, for the platform's pages under {@code /ui/}) and
 *       {@link CaseAccessInterceptor} for the case a request addresses.</li>
 * </ul>
 * Camunda's authorization checks ({@code camunda.bpm.authorization.enabled}) then apply to every engine call made
 * for an authenticated user.
 */
@Configuration
@EnableConfigurationProperties({AccessProperties.class, LoginThrottle.Settings.class})
public class SecurityConfiguration {

  /** Per (source, user) login throttling for every door (issue 8); Camunda's own lock is off (application.yml). */
  @Bean
  public LoginThrottle loginThrottle(LoginThrottle.Settings settings, javax.sql.DataSource dataSource) {
    java.time.Clock clock = java.time.Clock.systemUTC();
    // several nodes (the postgres profile): the counts in the database, so the nodes count an attacker once
    return settings.inDatabase()
        ? new LoginThrottle(settings, clock, new DatabaseLoginFailures(dataSource, clock, settings.recheck()))
        : new LoginThrottle(settings, clock);
  }

  /**
   * {@code /engine-rest/*}: HTTP Basic against the identity service, as Camunda's
   * {@code ProcessEngineAuthenticationFilter} with {@code HttpBasicAuthenticationProvider} did, but with the
   * platform's throttling instead of Camunda's user lock, and 401 with a code and a Chinese message.
   */
  @Bean
  public VerifiedLogins verifiedLogins(
      @org.springframework.beans.factory.annotation.Value("${platform.login-cache.ttl:10s}") java.time.Duration ttl) {
    return new VerifiedLogins(ttl, java.time.Clock.systemUTC());
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> engineRestAuthentication(IdentityService identity,
      LoginThrottle throttle, VerifiedLogins verified) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, throttle, false, verified));
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  @Bean
  public FilterRegistrationBean<ApiAuthenticationFilter> apiAuthentication(IdentityService identity,
      LoginThrottle throttle, VerifiedLogins verified) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, throttle, true, verified));
    registration.setName("api-authentication");
    registration.addUrlPatterns("/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** The webapps' login form: throttled per (source, user) like the HTTP APIs. */
  @Bean
  public FilterRegistrationBean<WebappLoginThrottleFilter> webappLoginThrottle(LoginThrottle throttle) {
    FilterRegistrationBean<WebappLoginThrottleFilter> registration =
        new FilterRegistrationBean<>(new WebappLoginThrottleFilter(throttle));
    registration.setName("webapp-login-throttle");
    registration.addUrlPatterns("/camunda/api/admin/auth/user/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }

  /** Camunda's password oracle ({@code …/identity/verify}) is closed on both engine APIs. */
  @Bean
  public FilterRegistrationBean<PasswordOracleFilter> passwordOracle() {
    FilterRegistrationBean<PasswordOracleFilter> registration = new FilterRegistrationBean<>(new PasswordOracleFilter());
    registration.setName("password-oracle");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 70);
    return registration;
  }

  /** English or empty refusals of the engine's REST API and the webapps' APIs become JSON with Chinese messages. */
  @Bean
  public FilterRegistrationBean<cn.ecolaw.platform.shared.RefusalTranslationFilter> refusalTranslation() {
    FilterRegistrationBean<cn.ecolaw.platform.shared.RefusalTranslationFilter> registration =
        new FilterRegistrationBean<>(new cn.ecolaw.platform.shared.RefusalTranslationFilter());
    registration.setName("refusal-translation");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 50);
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
