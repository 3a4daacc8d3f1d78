package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.caseview.CaseQueryService;
import cn.ecolaw.platform.shared.Dates;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Issue 14: the case list's search moved into SQL answers on the demo data exactly what the former in-memory
 * filtering of the latest 500 cases answered (the demo holds fewer than 500 cases), filter by filter and user by user:
 * the same rows (flows, deadline, open tasks) in the same order. {@link #inMemory} is the former code, kept here as
 * the reference.
 */
@SpringBootTest(properties = {
    "platform.demo.enabled=true",
    "camunda.bpm.job-execution.enabled=false",
    "spring.datasource.url=jdbc:h2:mem:platform-demo;DB_CLOSE_DELAY=-1"
})
class CaseListDemoEquivalenceTest {

  /** Users of every kind of unit: the bureau, the court, mediation, review, police, the administrator. */
  static final List<String> USERS = List.of("officer1", "legal1", "judge1", "filing1", "mediator1", "reviewer1",
      "police1", "supervisor1", "admin");

  @Autowired WorkspaceCases cases;
  @Autowired CaseQueryService query;
  @Autowired IdentityService identity;

  @AfterEach
  void signOut() {
    identity.clearAuthentication();
  }

  @Test
  void theDemoHoldsCasesForTheComparisonsToMean() {
    as("officer1");
    List<WorkspaceCases.Row> all = inMemory(new WorkspaceCases.Filter(null, null, null, null, null));
    assertThat(all).hasSizeGreaterThan(5);
    assertThat(all).anyMatch(r -> r.nextDeadline() != null);
    assertThat(all).anyMatch(r -> r.flows().size() > 1);
  }

  @Test
  void withoutFilterEveryUserSeesTheSameRowsInTheSameOrder() {
    for (String user : USERS) {
      same(user, new WorkspaceCases.Filter(null, null, null, null, null));
    }
  }

  @Test
  void qByCaseNumberPartyNameCreditCodeRegionAndLabelsAnswersAsBefore() {
    as("officer1");
    List<WorkspaceCases.Row> all = inMemory(new WorkspaceCases.Filter(null, null, null, null, null));
    List<String> needles = new ArrayList<>(List.of("101", "湖环罚", "有限公司", "吴兴", "调查", "水", "废气", "已结案",
        "nothing-like-this", "%", "_", "ABC"));
    WorkspaceCases.Row first = all.get(0);
    needles.add(first.partyName().substring(0, 2));
    needles.add(first.partyId().substring(2, 10));
    needles.add(first.partyId().substring(4, 12).toLowerCase(Locale.ROOT));
    needles.add(" " + first.caseNo() + " ");
    for (String user : USERS) {
      for (String q : needles) {
        same(user, new WorkspaceCases.Filter(q, null, null, null, null));
      }
    }
  }

  @Test
  void statusAnswersAsBefore() {
    for (String user : USERS) {
      for (cn.ecolaw.platform.cases.CaseStatus status : cn.ecolaw.platform.cases.CaseStatus.values()) {
        same(user, new WorkspaceCases.Filter(null, status.name(), null, null, null));
      }
    }
  }

  @Test
  void flowAnswersAsBeforeForEveryFlowAndEveryUser() {
    for (String user : USERS) {
      for (String flow : WorkspaceCases.FLOWS.keySet()) {
        same(user, new WorkspaceCases.Filter(null, null, flow, null, null));
      }
    }
  }

  @Test
  void regionAnswersAsBefore() {
    for (String user : USERS) {
      for (String region : List.of("吴兴区", "湖州", "南浔", "长兴县", "无此地")) {
        same(user, new WorkspaceCases.Filter(null, null, null, region, null));
      }
    }
  }

  @Test
  void dueWeekAndOverdueAnswerAsBefore() {
    for (String user : USERS) {
      same(user, new WorkspaceCases.Filter(null, null, null, null, "week"));
      same(user, new WorkspaceCases.Filter(null, null, null, null, "overdue"));
    }
  }

  @Test
  void filtersTogetherAnswerAsBefore() {
    for (String user : USERS) {
      same(user, new WorkspaceCases.Filter("湖环罚", "INVESTIGATING", "enforcement-case", "吴兴", null));
      same(user, new WorkspaceCases.Filter("有限公司", null, "non-litigation-execution", null, "week"));
      same(user, new WorkspaceCases.Filter(null, "AT_COURT", null, "湖州", "overdue"));
    }
  }

  @Test
  void pagesOfTheListAreTheWholeListCutInOrder() {
    as("officer1");
    WorkspaceCases.Filter none = new WorkspaceCases.Filter(null, null, null, null, null);
    List<WorkspaceCases.Row> whole = inMemory(none);
    List<WorkspaceCases.Row> paged = new ArrayList<>();
    for (int page = 0; page * 3 < whole.size(); page++) {
      WorkspaceCases.Result result = cases.list(none, page, 3);
      assertThat(result.total()).isEqualTo(whole.size());
      paged.addAll(result.rows());
    }
    assertThat(paged).isEqualTo(whole);
    assertThat(cases.list(none, 1000, 3).rows()).isEmpty();
  }

  private void same(String user, WorkspaceCases.Filter filter) {
    as(user);
    List<WorkspaceCases.Row> before = inMemory(filter);
    WorkspaceCases.Result now = cases.list(filter, 0, WorkspaceCases.MAX_SIZE);
    assertThat(now.rows()).as(user + " " + filter).isEqualTo(before);
    assertThat(now.total()).as(user + " " + filter + " total").isEqualTo(before.size());
  }

  private void as(String user) {
    List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    identity.setAuthentication(user, groups);
  }

  /** The list as it was before issue 14: the latest 500 visible cases, filtered and sorted in memory. */
  List<WorkspaceCases.Row> inMemory(WorkspaceCases.Filter filter) {
    String status = WorkspaceCases.Filter.clean(filter.status());
    String flow = WorkspaceCases.Filter.clean(filter.flow());
    String due = WorkspaceCases.Filter.clean(filter.due());
    List<WorkspaceCases.Row> rows = cases.rows(query.list(500));
    LocalDate today = Dates.today();
    LocalDate sunday = today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    return rows.stream()
        .filter(r -> matches(r, WorkspaceCases.Filter.clean(filter.q())))
        .filter(r -> status == null || status.equals(r.status()))
        .filter(r -> flow == null || r.flows().contains(flow))
        .filter(r -> WorkspaceCases.Filter.clean(filter.region()) == null
            || r.region() != null && r.region().contains(filter.region().trim()))
        .filter(r -> due == null
            || "overdue".equals(due) && r.nextDeadline() != null && r.nextDeadline().passed()
            || "week".equals(due) && r.nextDeadline() != null && !r.nextDeadline().passed()
                && !LocalDate.parse(r.nextDeadline().date()).isAfter(sunday))
        .sorted(Comparator.comparing((WorkspaceCases.Row r) -> r.nextDeadline() == null ? "9999-12-31" : r.nextDeadline().date())
            .thenComparing(WorkspaceCases.Row::createdAt, Comparator.reverseOrder()).thenComparing(WorkspaceCases.Row::caseNo))
        .toList();
  }

  private static boolean matches(WorkspaceCases.Row r, String q) {
    if (q == null) {
      return true;
    }
    String needle = q.toLowerCase(Locale.ROOT);
    for (String s : new String[] {r.caseNo(), r.partyName(), r.partyId(), r.region(), r.domainLabel(),
        r.violationTypeLabel(), r.statusLabel()}) {
      if (s != null && s.toLowerCase(Locale.ROOT).contains(needle)) {
        return true;
      }
    }
    return false;
  }
}
