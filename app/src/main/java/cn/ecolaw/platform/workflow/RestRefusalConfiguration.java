package cn.ecolaw.platform.workflow;

import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

/** Registers {@link RefusalExceptionMapper} with the engine's REST API. */
@Component
public class RestRefusalConfiguration implements ResourceConfigCustomizer {

  @Override
  public void customize(org.glassfish.jersey.server.ResourceConfig config) {
    config.register(RefusalExceptionMapper.class);
  }
}
