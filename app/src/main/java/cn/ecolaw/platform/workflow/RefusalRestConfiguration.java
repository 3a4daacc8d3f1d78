package cn.ecolaw.platform.workflow;

import org.glassfish.jersey.server.ResourceConfig;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** Registers {@link RefusalExceptionMapper} with the engine REST API ({@code /engine-rest}). */
@Component
public class RefusalRestConfiguration implements ResourceConfigCustomizer {

  @Override
  public void customize(ResourceConfig config) {
    config.register(RefusalExceptionMapper.class);
  }
}
