package cn.ecolaw.platform.audit;

import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the trail keeps what the database must not hold: the key ({@code platform.audit.key-file}, default
 * {@code ./data/audit.key}) and the checkpoints ({@code platform.audit.checkpoint-file}, default
 * {@code ./data/audit-checkpoints.log}). An in-memory database (tests) lives only as long as the JVM, so unless
 * configured its key and checkpoints are temporary files of this JVM and that database.
 */
@Configuration(proxyBeanMethods = false)
class AuditKeyConfiguration {

  private static final Logger LOG = LoggerFactory.getLogger(AuditKeyConfiguration.class);

  @Bean
  AuditKey auditKey(Environment env) {
    return AuditKey.load(path(env, "platform.audit.key-file", "./data/audit.key", "key"));
  }

  @Bean
  TrailCheckpoints trailCheckpoints(Environment env, AuditKey key) {
    return new TrailCheckpoints(path(env, "platform.audit.checkpoint-file", "./data/audit-checkpoints.log", "log"),
        key);
  }

  /**
   * On the first start with a key and no checkpoint yet, chains written before the trail had a key are sealed at
   * their current heads, so that their old (unkeyed) entries still verify, and nothing can be added behind them
   * without the key.
   */
  @Bean
  ApplicationRunner sealLegacyTrail(TrailCheckpoints checkpoints, AuditRepository repository) {
    return (ApplicationArguments args) -> {
      if (!checkpoints.isEmpty()) {
        return;
      }
      Map<String, AuditRepository.Head> heads = repository.legacyHeads();
      if (!heads.isEmpty()) {
        checkpoints.sealLegacy(heads);
        LOG.warn("已为 {} 条此前未加密钥的留痕链写入封存检查点：{}", heads.size(), checkpoints.file());
      }
    };
  }

  private static Path path(Environment env, String property, String fallback, String suffix) {
    String configured = env.getProperty(property);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    String url = env.getProperty("spring.datasource.url", "");
    if (url.startsWith("jdbc:h2:mem:")) {
      String db = url.substring("jdbc:h2:mem:".length()).split(";")[0].replaceAll("[^A-Za-z0-9_-]", "_");
      Path temp = Path.of(System.getProperty("java.io.tmpdir"),
          "ecolaw-audit-" + ProcessHandle.current().pid() + "-" + db + "." + suffix);
      temp.toFile().deleteOnExit();
      return temp;
    }
    return Path.of(fallback);
  }
}
