package cn.ecolaw.platform.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.engine.CaseListIndex;
import cn.ecolaw.platform.support.PlatformTest;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 14, the case list's filters at scale: a list narrowed by the search, the status or the flow counts both of
 * its parts (the cases with a deadline, those without) in one bounded pass over the matching cases instead of one
 * pass per part. Its answer must be that of the two separate counts, page for page: here a unit of its own with
 * 20,010 cases (beyond the pass's bound of twice the cap), a third of them with a deadline, every one matching the
 * filter, so that the narrowed list (search by the batch's party name, status CLOSED) must equal the plain list
 * (the separate counts) at every page, below the cap, at its edge and beyond it.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CaseListFilteredCountTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired CaseListIndex caseList;

  static String unit;
  static String party;
  static int n;
  static int withDue;

  @BeforeEach
  void givenAUnitWhoseEveryCaseMatchesTheFilterSomeWithADeadline() {
    if (unit != null) {
      return;
    }
    String tag = "" + ThreadLocalRandom.current().nextInt(1_000_000);
    String u = "unit-filtered-count-" + tag;
    String p = "筛选计数企业" + tag;
    int count = 2 * CaseListIndex.COUNT_CAP + 10;
    Instant now = Instant.now().minus(4000, ChronoUnit.DAYS);
    List<Object[]> files = new ArrayList<>();
    List<Object[]> grants = new ArrayList<>();
    List<Object[]> dues = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String caseNo = u + "-" + i;
      Timestamp at = Timestamp.from(now.plus(i, ChronoUnit.MINUTES));
      files.add(new Object[] {caseNo, p + "第" + i + "号", "LEGAL_PERSON", "91330000" + i, "浙江省湖州市吴兴区", "WATER",
          "WATER_EXCEED", "INSPECTION", "CLOSED", at, at});
      grants.add(new Object[] {caseNo, u, at});
      if (i % 3 == 0) {
        LocalDate day = LocalDate.of(2030, 1, 1).plusDays(i % 40);
        dues.add(new Object[] {caseNo, u, Timestamp.valueOf(day.atTime(17, 0)), Date.valueOf(day)});
      }
    }
    jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain, violation_type,"
        + " clue_source, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", files);
    jdbc.batchUpdate("INSERT INTO case_access (case_no, unit, granted_at) VALUES (?,?,?)", grants);
    jdbc.batchUpdate("INSERT INTO case_list_due (case_no, unit, next_due, due_day) VALUES (?,?,?,?)", dues);
    n = count;
    withDue = dues.size();
    party = p;
    unit = u;
  }

  @Test
  void aNarrowedListCountsAndPagesAsTheSeparateCountsOfItsTwoParts() {
    int[] offsets = {0, 50, withDue - 20, withDue, withDue + 5, CaseListIndex.COUNT_CAP - 50, CaseListIndex.COUNT_CAP - 10,
        n - 20, n + 10};
    for (int offset : offsets) {
      CaseListIndex.Page plain = caseList.search(criteria(null, null, offset));
      for (CaseListIndex.Page narrowed : List.of(caseList.search(criteria(party, null, offset)),
          caseList.search(criteria(null, "CLOSED", offset)), caseList.search(criteria(party, "CLOSED", offset)))) {
        assertThat(narrowed.caseNos()).as("page at %d", offset).isEqualTo(plain.caseNos());
        assertThat(narrowed.total()).as("total at %d", offset).isEqualTo(plain.total());
        assertThat(narrowed.capped()).as("capped at %d", offset).isEqualTo(plain.capped());
      }
    }
    // the plain list's own answer, for the record: capped below the cap, exact beyond it
    assertThat(caseList.search(criteria(null, null, 0)).total()).isEqualTo(CaseListIndex.COUNT_CAP);
    assertThat(caseList.search(criteria(null, null, n - 20)).total()).isEqualTo(n);
    assertThat(caseList.search(criteria(null, null, 0)).caseNos()).hasSize(50).allMatch(no -> no.startsWith(unit));
  }

  @Test
  void aNarrowedListOfFewCasesIsCountedExactlyInBothParts() {
    // the batch's party names hold their number: 第2号, 第2x号, 第2xx号 … (a third of them with a deadline)
    String q = party + "第2";
    long expected = jdbc.queryForObject("SELECT COUNT(*) FROM case_file WHERE party_name LIKE ?", Long.class, q + "%");
    CaseListIndex.Page page = caseList.search(criteria(q, null, 0));
    assertThat(page.total()).isEqualTo(Math.min(expected, CaseListIndex.COUNT_CAP));
    assertThat(page.capped()).isEqualTo(expected > CaseListIndex.COUNT_CAP);
    CaseListIndex.Page beyond = caseList.search(criteria(q, null, (int) expected - 3));
    assertThat(beyond.caseNos()).hasSize(3);
    assertThat(beyond.total()).isEqualTo(expected);
  }

  @Test
  void exactlyTheCapIsOrMoreOnlyWhenOnePartHoldsThemAll() {
    // given two units of exactly 10,000 matching cases: one without any deadline, one with a deadline for some
    for (int withDeadline : new int[] {0, 37}) {
      String u = "unit-count-edge-" + withDeadline + "-" + ThreadLocalRandom.current().nextInt(1_000_000);
      Timestamp at = Timestamp.from(Instant.now().minus(5000, ChronoUnit.DAYS));
      List<Object[]> files = new ArrayList<>();
      List<Object[]> grants = new ArrayList<>();
      List<Object[]> dues = new ArrayList<>();
      for (int i = 0; i < CaseListIndex.COUNT_CAP; i++) {
        files.add(new Object[] {u + "-" + i, "边界企业" + i, "LEGAL_PERSON", "91330000" + i, "浙江省湖州市吴兴区", "WATER",
            "WATER_EXCEED", "INSPECTION", "CLOSED", at, at});
        grants.add(new Object[] {u + "-" + i, u, at});
        if (i < withDeadline) {
          dues.add(new Object[] {u + "-" + i, u, Timestamp.valueOf("2030-01-01 17:00:00"), Date.valueOf("2030-01-01")});
        }
      }
      jdbc.batchUpdate("INSERT INTO case_file (case_no, party_name, party_type, party_id, region, domain,"
          + " violation_type, clue_source, status, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)", files);
      jdbc.batchUpdate("INSERT INTO case_access (case_no, unit, granted_at) VALUES (?,?,?)", grants);
      if (!dues.isEmpty()) {
        jdbc.batchUpdate("INSERT INTO case_list_due (case_no, unit, next_due, due_day) VALUES (?,?,?,?)", dues);
      }
      for (int offset : new int[] {0, 20, CaseListIndex.COUNT_CAP - 50}) {
        CaseListIndex.Page plain = caseList.search(new CaseListIndex.Criteria(List.of(u), null, List.of(), List.of(),
            List.of(), null, null, null, null, null, offset, 50));
        CaseListIndex.Page closed = caseList.search(new CaseListIndex.Criteria(List.of(u), null, List.of(), List.of(),
            List.of(), "CLOSED", null, null, null, null, offset, 50));
        assertThat(closed).as("%d with a deadline, at %d", withDeadline, offset).isEqualTo(plain);
        assertThat(plain.total()).isEqualTo(CaseListIndex.COUNT_CAP);
        assertThat(plain.capped()).as("%d with a deadline", withDeadline).isEqualTo(withDeadline == 0);
      }
    }
  }

  private static CaseListIndex.Criteria criteria(String q, String status, int offset) {
    return new CaseListIndex.Criteria(List.of(unit), q, List.of(), List.of(), List.of(), status, null, null, null,
        null, offset, 50);
  }
}
