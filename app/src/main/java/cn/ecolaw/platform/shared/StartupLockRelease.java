package cn.ecolaw.platform.shared;

import java.time.Duration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Releases the cluster's startup lock ({@link ClusterLocks#holdStartupLock}) once the application is ready: after
 * every {@code ApplicationReadyEvent} listener (demo data) has run, whatever their order (registered in
 * {@code META-INF/spring.factories}, after Spring Boot's own listener). A start that fails closes the context,
 * which releases the lock too.
 */
public class StartupLockRelease implements SpringApplicationRunListener, org.springframework.core.Ordered {

  public StartupLockRelease(SpringApplication application, String[] args) {}

  @Override
  public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
    context.getBeanProvider(ClusterLocks.class).ifAvailable(ClusterLocks::releaseStartupLock);
  }

  @Override
  public int getOrder() {
    return 100; // after EventPublishingRunListener (0): ready() comes when the ready event has been handled
  }
}
