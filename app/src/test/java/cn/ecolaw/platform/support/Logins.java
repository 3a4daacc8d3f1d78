package cn.ecolaw.platform.support;

import cn.ecolaw.platform.identity.DemoIdentityInitializer;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one place where tests get credentials for {@code /api} and {@code /engine-rest} (HTTP Basic). The demo users
 * have their user name as password; {@code admin} (camunda.bpm.admin-user) exists in every test context, the other
 * demo users after {@link #ensureDemoUsers}.
 */
public final class Logins {

  public static final String ADMIN = "admin";

  private Logins() {}

  public static String password(String user) {
    return user;
  }

  /** The value of an {@code Authorization} header. */
  public static String basic(String user) {
    return basic(user, password(user));
  }

  public static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** MockMvc: {@code mvc.perform(get(...).with(Logins.as("officer1")))}. */
  public static RequestPostProcessor as(String user) {
    return request -> {
      request.addHeader(HttpHeaders.AUTHORIZATION, basic(user));
      return request;
    };
  }

  public static RequestPostProcessor admin() {
    return as(ADMIN);
  }

  public static TestRestTemplate as(TestRestTemplate http, String user) {
    return http.withBasicAuth(user, password(user));
  }

  public static HttpRequest.Builder as(HttpRequest.Builder request, String user) {
    return request.header(HttpHeaders.AUTHORIZATION, basic(user));
  }

  /** Creates the demo units, groups and users with their passwords (idempotent). */
  public static void ensureDemoUsers(IdentityService identity) {
    DemoIdentityInitializer.createUsers(identity);
  }

  /** The same and the demo Tasklist filters, for tests that run without the demo profile. */
  public static void ensureDemoUsers(IdentityService identity, FilterService filters, TaskService tasks) {
    new DemoIdentityInitializer(identity, filters, tasks).initialize();
  }
}
