package cn.ecolaw.platform.cooperation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties(CooperationProperties.class)
public class CooperationConfiguration {}
