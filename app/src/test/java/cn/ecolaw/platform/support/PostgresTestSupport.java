package cn.ecolaw.platform.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The PostgreSQL server of the integration tests. {@code scripts/test.sh} starts a throwaway server and
 * passes it as {@code POSTGRES_URL}, {@code POSTGRES_USER} and {@code POSTGRES_PASSWORD} (environment
 * variables or system properties); without them the defaults of {@code scripts/pg-test-server.sh} apply.
 *
 * <p>A missing server is a failure, never a skip: {@link #requireReachable()} throws with the address
 * tried and how to start the server.
 */
public final class PostgresTestSupport {

  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:55432/caseplatform";
  public static final String DEFAULT_USER = "caseplatform";
  public static final String DEFAULT_PASSWORD = "caseplatform";

  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private PostgresTestSupport() {}

  public static String url() {
    return setting("POSTGRES_URL", DEFAULT_URL);
  }

  public static String user() {
    return setting("POSTGRES_USER", DEFAULT_USER);
  }

  public static String password() {
    return setting("POSTGRES_PASSWORD", DEFAULT_PASSWORD);
  }

  /** A new connection to the test database; the caller closes it. */
  public static Connection connect() throws SQLException {
    return connect(url(), user(), password());
  }

  /** Fails with a clear message when the test database cannot be reached. */
  public static void requireReachable() {
    requireReachable(url(), user(), password());
  }

  static void requireReachable(String url, String user, String password) {
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalStateException(
          "POSTGRES_URL must be a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db), got: " + url);
    }
    try (Connection connection = connect(url, user, password)) {
      if (!connection.isValid(CONNECT_TIMEOUT_SECONDS)) {
        throw new SQLException("connection is not valid");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL for the integration tests is not reachable at "
              + url
              + " as user '"
              + user
              + "': "
              + withoutFinalPeriod(e.getMessage())
              + ". Run all tests with 'bash scripts/test.sh', or start the server with"
              + " 'bash scripts/pg-test-server.sh start' (set POSTGRES_URL, POSTGRES_USER and"
              + " POSTGRES_PASSWORD for another server).",
          e);
    }
  }

  private static Connection connect(String url, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", String.valueOf(2 * CONNECT_TIMEOUT_SECONDS));
    return DriverManager.getConnection(url, properties);
  }

  private static String withoutFinalPeriod(String message) {
    String text = String.valueOf(message).strip();
    return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
  }

  private static String setting(String name, String fallback) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      value = System.getenv(name);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  /**
   * Checks the server before the application context starts and points the datasource at it, so that a
   * missing server fails with {@link #requireReachable()}'s message instead of a pool timeout.
   */
  public static class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      requireReachable();
      TestPropertyValues.of(
              "spring.datasource.url=" + url(),
              "spring.datasource.username=" + user(),
              "spring.datasource.password=" + password(),
              // the trail's key outlives the database of one run (case numbers recur); its checkpoints do not
              "platform.audit.key-file=target/audit-it/audit.key",
              "platform.audit.checkpoint-file=target/audit-it/checkpoints-" + ProcessHandle.current().pid() + ".log",
              // PostgresRestartIT's model calls the fault injector (PostgresIntegrationTest imports it everywhere:
              // any IT context's job executor may run the job); no platform model names it
              "platform.expressions.extra-beans=faultInjector")
          .applyTo(context);
    }
  }
}
