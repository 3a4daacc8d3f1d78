package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.enforcement.PartyIds;
import cn.ecolaw.platform.review.ReviewSampling;
import cn.ecolaw.platform.review.Sample;
import cn.ecolaw.platform.review.SampleRequest;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.support.Browser;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 12 in Debian's chromium: find and open a case, documents from a task, scoring beside the case, Chinese. */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WorkspaceBrowserTest {

  private static final AtomicInteger REVIEWED = new AtomicInteger(7100);

  @LocalServerPort int port;
  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired CaseFileRepository cases;
  @Autowired ReviewSampling sampling;

  String partyId;

  @BeforeEach
  void givenDemoUsersAndAPartyOfItsOwn() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    StringBuilder body = new StringBuilder("91330502");
    for (int i = 0; i < 9; i++) {
      body.append(ThreadLocalRandom.current().nextInt(10));
    }
    partyId = PartyIds.withUsccCheck(body.toString());
  }

  @Test
  void anOfficerFindsACaseByTheCreditCodeAndOpensIt() {
    String caseNo = start();

    try (Browser browser = Browser.open(port)) {
      browser.login("officer1").go("/ui/workspace/");
      browser.waitFor(By.id("q")).sendKeys(partyId);
      browser.driver().findElement(By.id("search")).click();
      browser.waitUntil(d -> d.getCurrentUrl().contains("q=" + partyId));
      browser.waitForText(By.id("count"), "共 1 件");
      browser.waitForText(By.id("case-list"), "立案期限");
      WebElement link = browser.waitFor(By.cssSelector("#case-list a.case-link"));
      assertThat(link.getText()).isEqualTo(caseNo);
      browser.screenshot("workspace-list-officer1");

      link.click();

      browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      assertThat(browser.waitFor(By.id("party-name")).getText()).contains("湖州测试印染有限公司");
      assertThat(browser.driver().findElement(By.id("timeline")).getText()).contains("立案审查", "流程启动");
      assertThat(browser.driver().findElement(By.id("tasks")).getText()).contains("立案审查", "在任务列表中打开")
          .contains("执法人员").doesNotContain("eco-officer"); // the post (岗位) by its Chinese name, not the group id
      assertThat(browser.driver().findElement(By.cssSelector("#tasks a.task-link")).getAttribute("href"))
          .contains("/camunda/app/tasklist/default/#/?task=");
      assertThat(browser.driver().findElement(By.id("trail-verification")).getText()).contains("校验通过");
      assertThat(browser.driver().findElement(By.id("dossier-link")).getAttribute("href"))
          .endsWith("/dossier.pdf").contains("/api/cases/");
      browser.screenshot("workspace-case-officer1");

      browser.driver().findElement(By.id("party-file-link")).click();
      assertThat(browser.waitForText(By.id("total-cases"), "案件").getText()).contains("1");
      browser.screenshot("workspace-party-officer1");
    }
  }

  @Test
  void aCourtUserWhoMayNotSeeTheCaseIsToldSoInChinese() {
    String caseNo = start();

    try (Browser browser = Browser.open(port)) {
      browser.login("judge1").go("/ui/workspace/case.html?caseNo=" + java.net.URLEncoder.encode(caseNo,
          java.nio.charset.StandardCharsets.UTF_8));

      assertThat(browser.waitForText(By.id("message"), "AUTH-003").getText()).contains("【AUTH-003】无权查看案件");
      assertThat(browser.driver().findElement(By.id("case")).isDisplayed()).isFalse();
      browser.screenshot("workspace-case-refused-judge1");
    }
  }

  @Test
  void aHeadOpensTheEarlierDocumentsFromTheApprovalTask() {
    String caseNo = start();
    String pid = pid(caseNo);
    walkToDecisionApproval(pid);
    Task approval = task(pid, "Task_ApproveDecision");

    try (Browser browser = Browser.open(port)) {
      browser.login("head1").go("/camunda/app/tasklist/default/#/?task=" + approval.getId());
      WebElement link = browser.waitFor(By.cssSelector(".fjs-container a.platform-case-link"));
      assertThat(browser.waitFor(By.cssSelector(".task-details, [cam-tasklist-task]")).getText()).contains(caseNo);
      browser.screenshot("workspace-approval-task-head1");
      click(browser, browser.waitFor(By.xpath("//a[contains(normalize-space(),'本岗位待办')]")));
      assertThat(browser.waitForText(By.cssSelector(".tasks-list"), caseNo).getText()).contains("案号", "当事人",
          "湖州测试印染有限公司");
      browser.screenshot("workspace-tasklist-list-head1");
      browser.go("/camunda/app/tasklist/default/#/?task=" + approval.getId());
      link = browser.waitFor(By.cssSelector(".fjs-container a.platform-case-link"));
      String tasklist = browser.driver().getWindowHandle();

      link.click();

      browser.waitUntil(d -> d.getWindowHandles().size() > 1);
      browser.driver().switchTo().window(browser.driver().getWindowHandles().stream()
          .filter(h -> !h.equals(tasklist)).findFirst().orElseThrow());
      browser.waitUntil(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-loaded")));
      assertThat(browser.driver().getCurrentUrl()).contains("/ui/workspace/case.html?caseNo=");
      List<WebElement> documents = browser.all(By.cssSelector("#documents a.doc-preview"));
      List<String> titles = new ArrayList<>();
      documents.forEach(d -> titles.add(d.getText()));
      assertThat(titles).anyMatch(t -> t.contains("事先告知书"));
      documents.get(0).click();
      WebElement preview = browser.waitFor(By.id("document-preview"));
      assertThat(preview.getAttribute("src")).startsWith("blob:");
      Object pdf = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
          "const done = arguments[arguments.length - 1];"
              + "fetch(document.getElementById('document-preview').src).then(r => r.arrayBuffer())"
              + ".then(b => done(new TextDecoder('latin1').decode(new Uint8Array(b).slice(0, 5)) + ' ' + b.byteLength));");
      assertThat(String.valueOf(pdf)).startsWith("%PDF-");
      assertThat(browser.driver().findElement(By.id("discretion-text")).getText()).contains("裁量等级", "基准罚款金额");
      browser.script("document.getElementById('documents').scrollIntoView()");
      browser.screenshot("workspace-case-documents-head1");
    }
  }

  @Test
  void aReviewerScoresTheFileBesideTheCasePage() {
    String caseNo = "湖环罚〔2025〕" + REVIEWED.incrementAndGet() + "号";
    Instant now = Instant.now();
    cases.insert(new CaseFile(caseNo, null, "湖州评查页面测试化工有限公司", "ENTERPRISE", partyId, "浙江省湖州市吴兴区",
        "WATER", "WATER_EXCEED", "INSPECTION", "CLOSED", "PAID", now, now));
    Sample sample = sampling.draw(new SampleRequest(null, null, null, List.of(caseNo)), "reviewer1");
    String reviewPid = sample.drawn().get(0).processInstanceId();
    Task scoring = task(reviewPid, "Task_CityScoring");

    try (Browser browser = Browser.open(port)) {
      browser.login("reviewer1").go("/camunda/app/tasklist/default/#/?task=" + scoring.getId());
      browser.waitFor(By.id("platform-case-beside"));
      browser.driver().switchTo().frame(browser.driver().findElement(By.id("platform-case-frame")));
      assertThat(browser.waitForText(By.id("party-name"), "湖州评查页面测试化工有限公司").isDisplayed()).isTrue();
      assertThat(browser.driver().findElement(By.tagName("header")).isDisplayed()).isFalse();
      browser.driver().switchTo().defaultContent();
      browser.screenshot("workspace-review-beside-reviewer1");

      click(browser, browser.waitFor(By.xpath("//button[normalize-space()='认领']")));
      browser.waitUntil(d -> d.findElements(By.cssSelector(".disabled-form")).isEmpty());
      click(browser, browser.waitFor(By.xpath("//label[contains(normalize-space(),'不存在一票否决情形')]")));
      WebElement opinion = browser.waitFor(By.cssSelector("textarea[id*='Field_cityOpinion']"));
      browser.script("arguments[0].scrollIntoView({block: 'center'})", opinion);
      opinion.sendKeys("案卷材料齐全，程序合法。");
      assertThat(browser.driver().findElement(By.id("platform-case-beside")).isDisplayed()).isTrue();
      browser.screenshot("workspace-review-scoring-reviewer1");
      click(browser, browser.waitFor(By.xpath("//button[contains(@class,'btn-primary') and normalize-space()='完成']")));

      browser.waitUntil(d -> tasks.createTaskQuery().taskId(scoring.getId()).count() == 0);
    }
    assertThat(tasks.createTaskQuery().processInstanceId(reviewPid).singleResult().getTaskDefinitionKey())
        .isEqualTo("Task_ProvinceScoring");
  }

  @Test
  void anEnglishBrowserGetsTheTasklistInChineseAndAClerkNoMigrationBanner() {
    try (Browser browser = Browser.open(port, "en-US")) {
      browser.login("officer1").go("/camunda/app/tasklist/default/");

      browser.waitForText(By.tagName("body"), "发起流程");
      browser.waitForText(By.tagName("body"), "本岗位待办");
      String text = browser.driver().findElement(By.tagName("body")).getText();
      assertThat(text).contains("本岗位待办").doesNotContain("Start process").doesNotContain("Create a filter");
      browser.waitUntil(d -> !d.findElements(By.cssSelector(".ce-eol-banner")).isEmpty());
      assertThat(browser.driver().findElement(By.cssSelector(".ce-eol-banner")).isDisplayed()).isFalse();
      browser.screenshot("workspace-tasklist-en-browser-officer1");
    }
    try (Browser browser = Browser.open(port, "en-US")) {
      browser.login("admin").go("/camunda/app/tasklist/default/");

      browser.waitUntil(d -> d.findElement(By.tagName("body")).getAttribute("class").contains("platform-admin"));
      assertThat(browser.waitFor(By.cssSelector(".ce-eol-banner")).isDisplayed()).isTrue();
    }
  }

  // ---------------------------------------------------------------------------------------------- helpers

  static void click(Browser browser, WebElement element) {
    browser.script("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  String start() {
    Map<String, Object> input = TestCases.enterpriseWater();
    input.put("partyId", partyId);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, input);
    return caseNo;
  }

  String pid(String caseNo) {
    return runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
  }

  Task task(String pid, String key) {
    Task t = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey(key).singleResult();
    assertThat(t).as("open task %s", key).isNotNull();
    return t;
  }

  void complete(String pid, String key, Object... variables) {
    tasks.complete(task(pid, key).getId(), TestCases.of(variables));
  }

  void walkToDecisionApproval(String pid) {
    complete(pid, "Task_ProposeFiling", "filingReason", "涉嫌超标排放", "officerOpinion", "建议立案");
    complete(pid, "Task_ApproveFiling", "filingApproved", "true", "headOpinion", "同意立案");
    complete(pid, "Task_Investigate", "evidence", "现场检查笔录\n监测报告", "officers", "张伟、刘明",
        "crimeSuspected", "false", "measure", "NONE");
    double benchmark = ((Number) runtime.getVariable(pid, "benchmarkFine")).doubleValue();
    complete(pid, "Task_ProposePenalty", "proposedFine", benchmark, "penaltyReason", "事实清楚，证据确凿");
    complete(pid, "Task_ServePriorNotice", "noticeServedDate", Dates.today().toString(), "serviceMethod", "DIRECT",
        "recipient", "沈建国");
    complete(pid, "Task_RecordStatement", "statementSubmitted", "false");
    complete(pid, "Task_ReviewStatement", "statementAdopted", "NONE", "reviewedFine", benchmark, "reviewNote", "未提出意见");
  }
}
