package cn.ecolaw.platform.workflow;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers {@link ApiParameterCheck} for {@code /api}, after the case access check. */
@Configuration(proxyBeanMethods = false)
public class ApiParameterConfiguration implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new ApiParameterCheck()).addPathPatterns("/api/**").order(1);
  }
}
