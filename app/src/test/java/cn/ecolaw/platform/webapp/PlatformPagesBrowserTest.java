package cn.ecolaw.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.Browser;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The platform's pages in Debian's chromium: login with the webapps' account, header, logout, in Chinese. */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PlatformPagesBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;

  @BeforeEach
  void givenDemoUsers() {
    Logins.ensureDemoUsers(identity, filters, tasks);
  }

  @Test
  void anOfficerLogsInOnThePageAndSeesHerNameAndUnit() {
    try (Browser browser = Browser.open(port)) {
      browser.go("/ui/");
      browser.waitFor(By.id("username"));
      assertThat(browser.driver().getCurrentUrl()).contains("/ui/login.html");

      browser.login("officer1");

      assertThat(browser.waitForText(By.id("current-user"), "张伟").getText()).contains("湖州市生态环境局");
      assertThat(browser.waitForText(By.id("welcome"), "您好").getText()).isEqualTo("张伟 执法人员，您好");
      browser.screenshot("ui-home-officer1");
    }
  }

  @Test
  void aWrongPasswordIsToldInChineseAndLetsNobodyIn() {
    try (Browser browser = Browser.open(port, "en-US")) {
      browser.go("/ui/login.html");
      browser.waitFor(By.id("username")).sendKeys("officer1");
      browser.driver().findElement(By.id("password")).sendKeys("wrong-password");
      browser.driver().findElement(By.id("login-submit")).click();

      assertThat(browser.waitForText(By.id("login-error"), "错误").getText()).isEqualTo("用户名或密码错误");
      browser.screenshot("ui-login-wrong-password");
      browser.go("/ui/");
      browser.waitFor(By.id("username"));
      assertThat(browser.driver().getCurrentUrl()).contains("/ui/login.html");
    }
  }

  @Test
  void logoutEndsTheSessionForPagesAndApi() {
    try (Browser browser = Browser.open(port)) {
      browser.login("head1");
      browser.waitForText(By.id("current-user"), "王建国");

      browser.driver().findElement(By.id("logout")).click();

      browser.waitFor(By.id("username"));
      Object status = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch('/api/cases', {headers: {'X-Requested-With': 'test'}}).then(r => done(r.status));");
      assertThat(status).isEqualTo(401L);
      browser.go("/ui/");
      browser.waitFor(By.id("username"));
      assertThat(browser.driver().getCurrentUrl()).contains("/ui/login.html");
    }
  }
}
