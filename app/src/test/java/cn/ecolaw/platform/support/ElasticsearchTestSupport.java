package cn.ecolaw.platform.support;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The Elasticsearch node of the integration tests. {@code scripts/test.sh} starts one with
 * {@code scripts/es-test-server.sh start} and passes its address as {@code ELASTICSEARCH_URL} (environment variable
 * or system property; default {@code http://127.0.0.1:9200}). A missing node is a failure, never a skip:
 * {@link #requireReachable()} throws with the address tried and how to start it.
 *
 * <p>{@link #kill()} and {@link #resume()} take the node down and bring it back on its data (through the script),
 * for the tests of "Elasticsearch is down during a case".
 */
public final class ElasticsearchTestSupport {

  public static final String DEFAULT_URL = "http://127.0.0.1:9200";

  private ElasticsearchTestSupport() {}

  public static String url() {
    String value = System.getProperty("ELASTICSEARCH_URL");
    if (value == null || value.isBlank()) {
      value = System.getenv("ELASTICSEARCH_URL");
    }
    return value == null || value.isBlank() ? DEFAULT_URL : value.strip();
  }

  /** The HTTP port of the node (the script's ES_PORT). */
  public static int port() {
    return URI.create(url()).getPort();
  }

  /** True when the node answers. */
  public static boolean reachable() {
    try {
      HttpURLConnection c = (HttpURLConnection) URI.create(url() + "/_cluster/health").toURL().openConnection();
      c.setConnectTimeout(2_000);
      c.setReadTimeout(5_000);
      int status = c.getResponseCode();
      c.disconnect();
      return status == 200;
    } catch (IOException e) {
      return false;
    }
  }

  /** Fails with a clear message when the node cannot be reached. */
  public static void requireReachable() {
    if (!reachable()) {
      throw new IllegalStateException("Elasticsearch for the integration tests is not reachable at " + url()
          + ". Run all tests with 'bash scripts/test.sh', or start a node with"
          + " 'ES_PORT=" + port() + " bash scripts/es-test-server.sh start' and"
          + " 'eval \"$(ES_PORT=" + port() + " bash scripts/es-test-server.sh env)\"' (ELASTICSEARCH_URL names another node).");
    }
  }

  /** Stops the node at once, keeping its data ({@code es-test-server.sh kill}). */
  public static void kill() {
    script("kill");
    if (reachable()) {
      throw new IllegalStateException("Elasticsearch at " + url() + " still answers after kill");
    }
  }

  /** Starts the node again on its data and waits until it answers ({@code es-test-server.sh resume}). */
  public static void resume() {
    script("resume");
    Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
    while (!reachable()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("Elasticsearch at " + url() + " did not come back");
      }
      sleep(250);
    }
  }

  private static void script(String command) {
    Path script = repositoryRoot().resolve("scripts/es-test-server.sh");
    ProcessBuilder pb = new ProcessBuilder(List.of("bash", script.toString(), command)).inheritIO();
    pb.environment().put("ES_PORT", String.valueOf(port()));
    try {
      int rc = pb.start().waitFor();
      if (rc != 0) {
        throw new IllegalStateException(script + " " + command + " failed with exit code " + rc);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run " + script, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static Path repositoryRoot() {
    Path dir = new File("").getAbsoluteFile().toPath();
    while (dir != null && !Files.exists(dir.resolve("scripts/es-test-server.sh"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("scripts/es-test-server.sh not found above " + new File("").getAbsolutePath());
    }
    return dir;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Checks the node before the application context starts and points the platform at it
   * ({@code platform.search.url}, a fast shipper).
   */
  public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      requireReachable();
      TestPropertyValues.of(
              "platform.search.url=" + url(),
              "platform.search.ship-interval=100ms",
              "platform.search.retry-interval=500ms")
          .applyTo(context);
    }
  }
}
