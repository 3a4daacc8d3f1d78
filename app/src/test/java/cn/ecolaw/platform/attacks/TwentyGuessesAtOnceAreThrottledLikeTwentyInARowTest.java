package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: twenty wrong passwords sent at once from one source for one user are throttled as twenty in a row — at most
 * the free failures (5) are checked, every other answer is 429 AUTH-006 with a Chinese message — at the HTTP APIs and
 * the webapps' login form; the throttle looked before the password check and counted after it, so twenty guesses in
 * flight together were all checked. Twenty right passwords at once all pass.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TwentyGuessesAtOnceAreThrottledLikeTwentyInARowTest {

  static final int FREE_FAILURES = 5;

  @LocalServerPort int port;
  @Autowired IdentityService identity;

  final HttpClient client = HttpClient.newHttpClient();

  private List<HttpResponse<String>> atOnce(IntFunction<HttpRequest> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        int n = i;
        futures.add(pool.submit(() -> {
          go.await();
          return client.send(request.apply(n), HttpResponse.BodyHandlers.ofString());
        }));
      }
      go.countDown();
      List<HttpResponse<String>> out = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void throttledAsInARow(List<HttpResponse<String>> answers) throws Exception {
    List<Integer> statuses = answers.stream().map(HttpResponse::statusCode).toList();
    assertThat(statuses).as("%s", statuses).containsOnly(401, 429);
    assertThat(statuses.stream().filter(s -> s == 401).count()).as("%s", statuses).isLessThanOrEqualTo(FREE_FAILURES);
    for (HttpResponse<String> r : answers) {
      if (r.statusCode() == 429) {
        assertThat(PlatformHttp.json().readTree(r.body()).path("code").asText()).isEqualTo("AUTH-006");
        assertThat(r.body()).containsPattern("\\p{IsHan}");
        assertThat(r.headers().firstValue("Retry-After")).isPresent();
      }
    }
  }

  private HttpRequest basic(String path, String user, String password) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", Logins.basic(user, password)).header("Accept", "application/json").GET().build();
  }

  @Test
  void twentyWrongPasswordsAtOnceAtTheApiAreThrottledAsTwentyInARow() throws Exception {
    String stranger = "a3-guess-" + ThreadLocalRandom.current().nextInt(1_000_000);
    throttledAsInARow(atOnce(i -> basic("/api/session", stranger, "wrong" + i)));
    String other = "a3-guess-" + ThreadLocalRandom.current().nextInt(1_000_000);
    throttledAsInARow(atOnce(i -> basic("/engine-rest/task/count", other, "wrong" + i)));
  }

  @Test
  void twentyWrongPasswordsAtOnceAtTheLoginFormAreThrottledAsTwentyInARow() throws Exception {
    String stranger = "a3-form-" + ThreadLocalRandom.current().nextInt(1_000_000);
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();
    String token = browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/camunda/api/admin/auth/user/default")).GET().build(), HttpResponse.BodyHandlers.ofString())
        .headers().firstValue("X-XSRF-TOKEN").orElse("");
    ExecutorService pool = Executors.newFixedThreadPool(20);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        HttpRequest login = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/camunda/api/admin/auth/user/default/login/tasklist"))
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
            .header("X-XSRF-TOKEN", token)
            .POST(HttpRequest.BodyPublishers.ofString("username=" + stranger + "&password=wrong" + i)).build();
        futures.add(pool.submit(() -> {
          go.await();
          return browser.send(login, HttpResponse.BodyHandlers.ofString());
        }));
      }
      go.countDown();
      List<HttpResponse<String>> answers = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        answers.add(f.get());
      }
      throttledAsInARow(answers);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twentyRightPasswordsAtOnceAllPass() throws Exception {
    String userId = "a3-right-" + ThreadLocalRandom.current().nextInt(1_000_000);
    User u = identity.newUser(userId);
    u.setPassword(Logins.password(userId));
    identity.saveUser(u);
    try {
      List<HttpResponse<String>> answers = atOnce(i -> basic("/api/session", userId, Logins.password(userId)));
      assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(200);
    } finally {
      identity.deleteUser(userId);
    }
  }
}
