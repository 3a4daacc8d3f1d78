package cn.ecolaw.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.discretion.DiscretionInput;
import cn.ecolaw.platform.discretion.DiscretionRecordRepository;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.support.Browser;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The workbench in Debian's chromium: the analyst opens the discretion benchmark, edits a cell of the factor table in
 * dmn-js, saves a draft with a reason, sees the diff, runs the tests and guard rails, replays past cases and
 * publishes. The benchmark is restored afterwards (a new deployment of the repository's file).
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkbenchBrowserTest {

  /** The guard rails evaluate thousands of inputs: slow on a loaded machine before the FEEL speed-up. */
  static final Duration SLOW = Duration.ofSeconds(300);

  @LocalServerPort int port;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired PenaltyDiscretionService discretion;
  @Autowired DiscretionRecordRepository records;
  @Autowired JdbcTemplate jdbc;

  @BeforeEach
  void givenPastCases() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    String[] regions = {"吴兴区", "南浔区", "长兴县"};
    double[] ratios = {0.3, 1.5, 2.5, 2.5};
    for (int i = 0; i < 12; i++) {
      String caseNo = TestCases.caseNo();
      String type = i % 3 == 0 ? "AIR_EXCEED" : "WATER_EXCEED";
      jdbc.update("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
          + " clue_source, status, created_at, updated_at) VALUES (?, ?, 'ENTERPRISE', ?, ?, 'WATER', ?, 'PATROL',"
          + " 'CLOSED', ?, ?)", caseNo, "页面测试企业" + i, TestCases.uscc(), regions[i % 3], type,
          Timestamp.from(Instant.now()), Timestamp.from(Instant.now()));
      records.insert(caseNo, discretion.evaluate(new DiscretionInput(type, BigDecimal.valueOf(ratios[i % 4]), 9,
          false, 2, false, false, i % 2 == 0, null)), Instant.now());
    }
  }

  @AfterEach
  void restoreThePublishedBenchmark() throws Exception {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("penalty-discretion")
        .latestVersion().singleResult();
    if (latest.getVersionTag() != null && latest.getVersionTag().startsWith("2026.2")) {
      return;
    }
    try (InputStream original = getClass().getResourceAsStream("/decisions/penalty-discretion.dmn")) {
      repository.createDeployment().name("restore-after-browser-test").addInputStream(latest.getResourceName(), original)
          .deploy();
    }
  }

  @Test
  void anAnalystEditsACellSavesADraftTestsReplaysAndPublishes() {
    int before = repository.createDecisionDefinitionQuery().decisionDefinitionKey("penalty-discretion")
        .latestVersion().singleResult().getVersion();
    try (Browser browser = Browser.open(port)) {
      browser.login("analyst1").go("/ui/workbench/");
      browser.waitFor(By.cssSelector("#decision-list tr[data-key='penalty-discretion']")).click();
      browser.waitForText(By.id("decision-title"), "penalty-discretion");
      browser.waitFor(By.cssSelector(".tjs-table"));
      browser.screenshot("workbench-1-opened");

      // the factor table, the weight of "exceedance of 200% or more": 0.35 -> 0.4
      browser.all(By.cssSelector("#view-tabs button")).stream().filter(b -> b.getText().equals("裁量因子等级"))
          .findFirst().orElseThrow().click();
      By weight = By.cssSelector(
          "td[data-row-id='Rule_factor_grades_5'][data-col-id='Output_factor_grades_3'] [contenteditable]");
      WebElement cell = browser.waitFor(weight);
      browser.script("arguments[0].scrollIntoView({block: 'center', inline: 'center'})", cell);
      new Actions(browser.driver()).click(cell).perform();
      // typing over the cell's text, as the keyboard does (the editor listens to the input events)
      browser.script("const e = arguments[0]; e.focus(); document.execCommand('selectAll', false, null);"
          + " document.execCommand('insertText', false, '0.4');", browser.driver().findElement(weight));
      browser.waitUntil(d -> d.findElement(weight).getText().trim().equals("0.4"));
      browser.driver().findElement(By.id("draft-reason")).click();
      browser.driver().findElement(By.id("draft-reason")).sendKeys("超标两倍以上的权重由0.35提高到0.4");
      browser.screenshot("workbench-2-edited");
      browser.driver().findElement(By.id("save-draft")).click();

      assertThat(browser.waitFor(By.id("draft-saved")).getText()).contains("analyst1").contains("超标两倍以上");
      String diff = browser.waitForText(By.id("diff"), "权重").getText();
      assertThat(diff).contains("修改规则").contains("0.35").contains("0.4");

      browser.driver().findElement(By.id("run-tests")).click();
      WebElement verdict = new WebDriverWait(browser.driver(), SLOW)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("guards-verdict")));
      assertThat(verdict.getText()).isEqualTo("全部通过，可以发布");
      assertThat(browser.driver().findElement(By.id("guards")).getText()).contains("GUARD-005");
      browser.script("document.getElementById('draft-card').scrollIntoView()");
      browser.screenshot("workbench-3-diff-and-guards");

      browser.driver().findElement(By.id("what-if")).click();
      String replay = new WebDriverWait(browser.driver(), SLOW)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("whatif-result"))).getText();
      assertThat(replay).contains("罚款提高");
      assertThat(browser.all(By.cssSelector("#whatif-case-table tbody tr"))).isNotEmpty();
      assertThat(browser.all(By.cssSelector("#whatif-chart-type canvas"))).isNotEmpty();
      browser.script("document.getElementById('whatif-summary').scrollIntoView()");
      browser.screenshot("workbench-4-replayed");

      browser.driver().findElement(By.id("publish-reason")).sendKeys("依据省厅2026年裁量基准修订");
      browser.driver().findElement(By.id("publish")).click();
      String published = new WebDriverWait(browser.driver(), SLOW)
          .until(ExpectedConditions.visibilityOfElementLocated(By.id("published"))).getText();
      browser.screenshot("workbench-5-published");
      assertThat(published).contains("已发布 penalty-discretion v" + (before + 1)).contains("回放");
    }
    DecisionDefinition now = repository.createDecisionDefinitionQuery().decisionDefinitionKey("penalty-discretion")
        .latestVersion().singleResult();
    assertThat(now.getVersion()).isEqualTo(before + 1);
  }

  @Test
  void anOfficerReadsThePublishedTableButCannotDraft() {
    try (Browser browser = Browser.open(port)) {
      browser.login("officer1").go("/ui/workbench/?key=review-grade");
      browser.waitForText(By.id("decision-title"), "review-grade");
      browser.waitFor(By.cssSelector(".tjs-table"));
      assertThat(browser.driver().findElement(By.id("save-draft")).isDisplayed()).isFalse();
      browser.waitFor(By.id("suite-table"));
      assertThat(browser.all(By.cssSelector("#suite-table input[data-out='grade']")))
          .anyMatch(i -> "优秀".equals(i.getAttribute("value")));
      browser.screenshot("workbench-officer-read-only");
    }
  }
}
