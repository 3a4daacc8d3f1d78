package cn.ecolaw.platform.support;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PostgresTestSupportTest {

  @Test
  void unreachableServerFailsWithTheAddressAndHowToStartIt() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/caseplatform";

    assertThatThrownBy(() -> PostgresTestSupport.requireReachable(url, "caseplatform", "caseplatform"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not reachable at " + url)
        .hasMessageContaining("bash scripts/test.sh")
        .hasMessageContaining("bash scripts/pg-test-server.sh start");
  }

  @Test
  void aNonPostgresUrlIsRefused() {
    assertThatThrownBy(
            () -> PostgresTestSupport.requireReachable("jdbc:h2:mem:x", "sa", ""))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("must be a PostgreSQL JDBC URL");
  }
}
