package cn.ecolaw.platform.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Browser;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Swagger UI page in Debian's chromium: reached through the platform's login, the modules and operations in
 * Chinese with their error codes, and "Try it out" writing with the page's session and anti-forgery token.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SwaggerUiBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  @BeforeEach
  void givenDemoUsers() {
    Logins.ensureDemoUsers(identity, filters, tasks);
  }

  @Test
  void anOfficerOpensTheApiPageThroughTheLoginAndTriesAWriteWithHerSession() {
    try (Browser browser = Browser.open(port)) {
      browser.go("/swagger-ui.html");
      browser.waitFor(By.id("username"));
      assertThat(browser.driver().getCurrentUrl()).contains("/ui/login.html");
      browser.waitFor(By.id("username")).sendKeys("officer1");
      browser.driver().findElement(By.id("password")).sendKeys(Logins.password("officer1"));
      browser.driver().findElement(By.id("login-submit")).click();

      // back on the page after the login: the modules in Chinese
      browser.waitForText(By.cssSelector(".information-container"), "生态环境执法与司法衔接案件平台");
      assertThat(browser.driver().getCurrentUrl()).contains("/swagger-ui/index.html");
      browser.waitFor(By.id("operations-tag-案件")).click();
      browser.waitForText(By.cssSelector("#operations-tag-案件 + div"), "登记行政处罚案件");
      browser.driver().findElement(By.cssSelector("[id^='operations-案件-'][id*='get'] .opblock-summary")).click();
      browser.waitForText(By.cssSelector(".opblock.is-open .responses-table"), "CASE-001");
      browser.screenshot("swagger-ui-officer1");
      browser.script("document.querySelector('.opblock.is-open .responses-table').scrollIntoView()");
      browser.screenshot("swagger-ui-officer1-error-codes");

      // Try it out: Swagger UI's own request interceptor adds the session's anti-forgery token to a write, which
      // then reaches the platform's checks (400 CASE-002: a required field missing) instead of 403 AUTH-007
      Object answer = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
          const done = arguments[arguments.length - 1];
          const request = await window.ui.getConfigs().requestInterceptor(
              { url: '/api/cases', method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
          const withToken = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
          const without = await fetch('/api/cases', { method: 'POST', body: '{}',
              headers: { 'Content-Type': 'application/json', 'X-Requested-With': 'test' } });
          done({ withToken: withToken.status, code: (await withToken.json()).code,
              without: without.status, withoutCode: (await without.json()).code });
          """);
      assertThat(answer).isEqualTo(Map.of("withToken", 400L, "code", "CASE-002", "without", 403L,
          "withoutCode", "AUTH-007"));
    }
  }
}
