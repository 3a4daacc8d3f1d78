package cn.ecolaw.platform.shared;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(AgencyProperties.class)
public class PlatformConfiguration {}
