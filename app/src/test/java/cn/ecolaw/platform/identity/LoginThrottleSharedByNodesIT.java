package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PostgresIntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rule: on PostgreSQL (the postgres profile, several nodes) the login failures are counted once for all nodes: this
 * node (through {@code /engine-rest}) and a second node's throttle on the same database count one stranger's wrong
 * passwords together, and this node makes him wait after the fifth, wherever the earlier ones were counted.
 */
@PostgresIntegrationTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LoginThrottleSharedByNodesIT {

  static final String USER = "throttle-it-judge";

  @LocalServerPort int port;
  @Autowired LoginThrottle.Settings settings;
  @Autowired DataSource dataSource;
  @Autowired LoginThrottle thisNode;

  private final HttpClient client = HttpClient.newHttpClient();

  private int wrongPassword() throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest/task"))
        .header("Authorization", Logins.basic(USER, "wrong")).GET().build();
    return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  @Test
  void loginFailuresOnTwoNodesAreCountedOnceOnPostgres() throws Exception {
    assertThat(settings.inDatabase()).as("the postgres profile keeps the counts in the database").isTrue();
    thisNode.forget(USER);
    LoginThrottle otherNode = new LoginThrottle(settings, Clock.systemUTC(),
        new DatabaseLoginFailures(dataSource, Clock.systemUTC(), settings.recheck()));

    for (int i = 0; i < 3; i++) {
      assertThat(wrongPassword()).isEqualTo(401);
    }
    String source = new JdbcTemplate(dataSource).queryForObject(
        "SELECT source FROM login_failure WHERE user_key = ?", String.class, USER);
    for (int i = 0; i < 4; i++) {
      otherNode.failed(source, USER); // the fourth to seventh wrong password, on the other node: 4 s
    }
    assertThat(otherNode.waitSeconds(source, USER)).isPositive();
    Thread.sleep(settings.recheck().plusMillis(200).toMillis()); // this node reads the database again
    assertThat(wrongPassword()).as("this node makes the stranger wait").isEqualTo(429);
    assertThat(new JdbcTemplate(dataSource).queryForObject(
        "SELECT failures FROM login_failure WHERE source = ? AND user_key = ?", Integer.class, source, USER))
        .isEqualTo(7);
    thisNode.forget(USER);
    assertThat(otherNode.waitSeconds(source, USER)).isZero();
  }
}
