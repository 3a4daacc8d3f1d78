package cn.ecolaw.platform.identity;

import jakarta.servlet.DispatcherType;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Shared sessions for several nodes (issue 14, {@code platform.cluster.shared-sessions}, on in the {@code postgres}
 * profile): every HTTP session — the Camunda webapps' login (Tasklist, Cockpit, Admin), their anti-forgery token,
 * and through them {@code /api} and the pages under {@code /ui/} — lives in the tables {@code spring_session} and
 * {@code spring_session_attributes} (Flyway V190) instead of one node's memory, so that any node serves any user
 * and a node that dies takes no session with it: a load balancer needs no stickiness.
 *
 * <p>The session filter runs before every other filter (Camunda's authentication and CSRF filters, the platform's
 * {@code /api} authentication) and on error dispatches too. The webapps keep their {@code Authentications} in the
 * session (serialisable); attributes are written back when they were read in a request, so a change Camunda makes
 * inside such an object (its periodic re-check of the user's groups) is stored. Session lifetime:
 * {@code server.servlet.session.timeout} (30 minutes). Expired sessions are deleted once a minute by every node
 * (the same idempotent DELETE). On PostgreSQL attributes are upserted, so that the Tasklist's parallel requests
 * on one session never collide on a key.
 *
 * <p>Off (the default, H2 file database: one node), sessions stay in the servlet container.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "platform.cluster.shared-sessions", havingValue = "true")
@EnableJdbcHttpSession(tableName = "SPRING_SESSION")
class SharedSessionConfiguration {

  @Bean
  FilterRegistrationBean<SessionRepositoryFilter<?>> sharedSessionFilter(SessionRepositoryFilter<?> filter) {
    FilterRegistrationBean<SessionRepositoryFilter<?>> registration = new FilterRegistrationBean<>(filter);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ASYNC, DispatcherType.ERROR);
    // outermost: before the refusal translation (HIGHEST_PRECEDENCE + 50) and every authentication filter
    registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }

  @Bean
  SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sharedSessionSettings(DataSource dataSource,
      @Value("${server.servlet.session.timeout:30m}") Duration timeout) {
    boolean postgres = isPostgres(dataSource);
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer upserts = new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    return repository -> {
      repository.setDefaultMaxInactiveInterval(timeout);
      repository.setSaveMode(org.springframework.session.SaveMode.ON_GET_ATTRIBUTE);
      if (postgres) {
        upserts.customize(repository);
      }
    };
  }

  private static boolean isPostgres(DataSource dataSource) {
    try (java.sql.Connection c = dataSource.getConnection()) {
      return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("数据库不可用：" + e.getMessage(), e);
    }
  }
}
