package cn.ecolaw.platform.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The bureau and the court this installation serves (printed on documents, used for numbering). */
@ConfigurationProperties("platform.agency")
public record AgencyProperties(
    String name,
    String shortName,
    String address,
    String phone,
    String paymentPlace,
    String reconsiderationBody,
    String court,
    String courtCode) {}
