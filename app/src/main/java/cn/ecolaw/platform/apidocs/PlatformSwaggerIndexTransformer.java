package cn.ecolaw.platform.apidocs;

import org.springdoc.core.properties.SwaggerUiConfigProperties;
import org.springdoc.core.properties.SwaggerUiOAuthProperties;
import org.springdoc.core.providers.ObjectMapperProvider;
import org.springdoc.webmvc.ui.SwaggerIndexPageTransformer;
import org.springdoc.webmvc.ui.SwaggerWelcomeCommon;

/**
 * Swagger UI's requests as the platform's pages make them ({@code platform.js}): same origin with the session cookie,
 * {@code X-Requested-With} (so that a 401 shows the platform's message rather than the browser's login box), and
 * for a write the session's anti-forgery token from {@code GET /api/session} in {@code X-XSRF-TOKEN}. springdoc's own
 * CSRF support reads a cookie the webapps set under another path; this replaces it
 * ({@code springdoc.swagger-ui.csrf.enabled: true} switches it on).
 */
class PlatformSwaggerIndexTransformer extends SwaggerIndexPageTransformer {

  static final String INTERCEPTOR = """
      requestInterceptor: async (request) => {
      \t\t\tconst target = new URL(request.url, document.location.origin);
      \t\t\tif (target.origin !== document.location.origin) return request;
      \t\t\trequest.headers['X-Requested-With'] = 'swagger-ui';
      \t\t\tconst method = (request.method || 'GET').toUpperCase();
      \t\t\tif (method !== 'GET' && method !== 'HEAD' && method !== 'OPTIONS') {
      \t\t\t\tif (!window.platformCsrfToken) {
      \t\t\t\t\tconst session = await fetch('/api/session', { credentials: 'same-origin',
      \t\t\t\t\t\theaders: { 'Accept': 'application/json', 'X-Requested-With': 'swagger-ui' } });
      \t\t\t\t\tif (session.ok) window.platformCsrfToken = (await session.json()).csrfToken;
      \t\t\t\t}
      \t\t\t\tif (window.platformCsrfToken) request.headers['X-XSRF-TOKEN'] = window.platformCsrfToken;
      \t\t\t}
      \t\t\treturn request;
      \t\t},
      \t\tpresets: [""";

  PlatformSwaggerIndexTransformer(SwaggerUiConfigProperties config, SwaggerUiOAuthProperties oauth,
      SwaggerWelcomeCommon welcome, ObjectMapperProvider mapper) {
    super(config, oauth, welcome, mapper);
  }

  @Override
  protected String addCSRF(String html) {
    return html.replace("presets: [", INTERCEPTOR);
  }
}
