package cn.ecolaw.platform.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The paging parameters of every list endpoint of the engine's REST API and of the Tasklist's own engine API
 * ({@code firstResult}, {@code maxResults}) are non-negative integers: anything else ({@code firstResult=abc},
 * {@code maxResults=-1}) is refused with 400 {@value #CODE} and a Chinese message. Without this check the REST API
 * answered an unconvertible value with a bare 404 (JAX-RS's rule for query parameters) and passed a negative one to
 * the database.
 */
@Configuration(proxyBeanMethods = false)
public class EnginePagingParameters {

  public static final String CODE = "REQ-400";

  static final String[] PAGING = {"firstResult", "maxResults"};

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> enginePagingParameterFilter() {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new Check());
    registration.setName("engine-paging-parameters");
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 60);
    return registration;
  }

  /**
   * The refusal's message for a bad value, or null when every paging parameter is well formed. Reads the query string
   * only: asking the request for its parameters would consume a form or multipart body (an attachment's upload).
   */
  static String refusal(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      if (!name.equals(PAGING[0]) && !name.equals(PAGING[1])) {
        continue;
      }
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (!value.matches("\\d{1,10}") || Long.parseLong(value) > Integer.MAX_VALUE) {
        return "参数 " + name + (name.equals(PAGING[0]) ? "（从第几条开始）" : "（最多返回的条数）")
            + "应为0至2147483647的整数";
      }
    }
    return null;
  }

  private static String decode(String s) {
    try {
      return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }

  static final class Check extends OncePerRequestFilter {
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
        throws ServletException, IOException {
      String refusal = refusal(request);
      if (refusal != null) {
        RefusalBodies.write(request, response, 400, "InvalidRequestException", CODE, refusal);
        return;
      }
      chain.doFilter(request, response);
    }
  }
}
