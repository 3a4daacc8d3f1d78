package cn.ecolaw.platform.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.dispatch.DispatchFixture;
import cn.ecolaw.platform.dispatch.DispatchRoster;
import cn.ecolaw.platform.dispatch.PollutionSource;
import cn.ecolaw.platform.support.Browser;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: a task form's link to the case page shows only where there is a case page to open. Every form carries the
 * link built from the instance's {@code caseNo} (TaskContractTest); an inspection's number (湖环检〔2026〕N号), a court
 * docket or an empty {@code caseNo} is no case of the platform, so the Tasklist's platform script
 * (app/platform/platform-webapp.js) puts a note in its place instead of a link to a "case not found" page.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskFormCaseLinkShowsOnlyWhereThereIsACaseBrowserTest {

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired DispatchRoster roster;

  @Test
  void anInspectionsFormHasNoCaseLinkAndACasesFormHasOne() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    PlatformHttp officer = new PlatformHttp(port).as("officer1");
    DispatchFixture.officers(roster);
    PollutionSource source = DispatchFixture.nearWuxing(roster, "吴兴区");
    PlatformHttp.Response alarm = officer.post("/api/alarms", DispatchFixture.alarm(source.sourceId()));
    assertThat(alarm.status()).as(alarm.text()).isEqualTo(201);
    String inspection = tasks.createTaskQuery().processInstanceId(alarm.text("processInstanceId"))
        .taskDefinitionKey("Task_Inspect").singleResult().getId();
    String caseNo = TestCases.caseNo();
    Map<String, Object> body = new HashMap<>(TestCases.enterpriseWater());
    body.put("caseNo", caseNo);
    assertThat(officer.post("/api/cases", body).status()).isEqualTo(201);
    String filing = tasks.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();

    try (Browser browser = Browser.open(port)) {
      browser.login("officer1").go("/camunda/app/tasklist/default/#/?task=" + inspection);
      assertThat(browser.waitFor(By.cssSelector(".fjs-container .platform-no-case-page")).getText())
          .contains("没有对应的案件页");
      assertThat(browser.all(By.cssSelector(".fjs-container a[href*='/ui/workspace/case.html']"))).isEmpty();
      browser.screenshot("task-form-inspection-without-case-link");

      browser.go("/camunda/app/tasklist/default/#/?task=" + filing);
      assertThat(browser.waitFor(By.cssSelector(".fjs-container a.platform-case-link")).getAttribute("href"))
          .contains("/ui/workspace/case.html?caseNo=");
      assertThat(browser.all(By.cssSelector(".fjs-container .platform-no-case-page"))).isEmpty();
    }
  }
}
