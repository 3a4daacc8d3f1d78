package cn.ecolaw.platform.apidocs;

import cn.ecolaw.platform.identity.ApiAuthenticationFilter;
import cn.ecolaw.platform.identity.LoginThrottle;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The application API described by OpenAPI (issue 14): springdoc derives paths, parameters and bodies from the
 * {@code /api} controllers ({@code springdoc.paths-to-match} in application.yml: nothing else is in the document),
 * {@link ApiDocsCustomizer} adds the Chinese texts and error codes of {@link ApiCatalogue}.
 *
 * <p>Access, as the rest of the platform: the document {@code /v3/api-docs} answers only a logged-in user (HTTP Basic
 * or the webapps' session, {@link ApiAuthenticationFilter}; anonymous: 401 AUTH-001); the Swagger UI page
 * ({@code /swagger-ui.html}) sends a visitor without a session to the platform's login page. "Try it out" runs with
 * the page's session as that user, with that user's rights; its writes carry the session's anti-forgery token
 * ({@link PlatformSwaggerIndexTransformer}), as the platform's own pages do.
 */
@Configuration
class ApiDocsConfiguration {

  static final String DOCS_PATH = "/v3/api-docs";

  @Bean
  ApiCatalogue apiCatalogue() {
    return ApiCatalogue.load();
  }

  @Bean
  OpenAPI platformOpenApi() {
    return new OpenAPI()
        .servers(List.of(new io.swagger.v3.oas.models.servers.Server().url("/").description("本平台（与页面同一地址）")))
        .info(new Info().title("生态环境执法与司法衔接案件平台 应用接口").version("0.1.0").description("""
            平台自己的应用接口 `/api`（JSON）。Camunda 引擎的 REST 接口 `/engine-rest` 由 Camunda 自行说明，不在此文档中。

            **登录**：HTTP Basic（与 Tasklist 相同的用户名和密码），或平台页面与 Tasklist 的登录会话。以会话调用写操作
            （POST、PUT、DELETE）时须在请求头 `X-XSRF-TOKEN` 中带上 `GET /api/session` 答复的 `csrfToken`，
            本页面的“Try it out”会自动带上。每个用户只能看到、办理本单位的案件和本岗位的事项。

            **拒绝**：所有拒绝都答复 4xx（依赖的服务不可用时 503），答复体为 `{"code": "错误码", "message": "中文说明"}`，
            被拒绝的请求不作任何更改。每个操作列出它可能答复的错误码。"""))
        .components(new Components()
            .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                .description("用户名和密码（与 Tasklist 相同）"))
            .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                .in(SecurityScheme.In.COOKIE).name("JSESSIONID")
                .description("平台页面与 Tasklist 的登录会话；写操作另须请求头 X-XSRF-TOKEN")))
        .security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("session")));
  }

  @Bean
  OpenApiCustomizer platformApiDocs(ApiCatalogue catalogue) {
    return new ApiDocsCustomizer(catalogue);
  }

  /** The document answers logged-in users only, exactly as {@code /api}. */
  @Bean
  FilterRegistrationBean<ApiAuthenticationFilter> apiDocsAuthentication(IdentityService identity,
      LoginThrottle throttle) {
    FilterRegistrationBean<ApiAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ApiAuthenticationFilter(identity, throttle, true));
    registration.setName("api-docs-authentication");
    registration.addUrlPatterns(DOCS_PATH, DOCS_PATH + "/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** The Swagger UI page: without the webapps' session, to the login page and back. */
  @Bean
  FilterRegistrationBean<SwaggerPageLoginFilter> swaggerPageLogin() {
    FilterRegistrationBean<SwaggerPageLoginFilter> registration =
        new FilterRegistrationBean<>(new SwaggerPageLoginFilter());
    registration.setName("swagger-page-login");
    registration.addUrlPatterns("/swagger-ui.html", "/swagger-ui/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /** Replaces springdoc's index transformer (its bean is conditional on none being defined). */
  @Bean
  SwaggerIndexTransformer indexPageTransformer(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth,
      SwaggerWelcomeCommon welcome, ObjectMapperProvider mapper) {
    return new PlatformSwaggerIndexTransformer(config, oauth, welcome, mapper);
  }
}
