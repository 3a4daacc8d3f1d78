package cn.ecolaw.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.SqlCounts;
import cn.ecolaw.platform.support.TestCases;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A command's trail entries of one case are inserted with one multi-row INSERT (platform.audit.multi-row-insert),
 * chained exactly as when they were inserted one by one: the chain verifies, seq and previous MAC follow each other.
 */
@PlatformTest
class AuditTrailMultiRowInsertTest {

  @Autowired AuditTrail trail;
  @Autowired JdbcTemplate jdbc;

  @Test
  void theEntriesOfOneCommandAreOneInsertAndStillOneChain() {
    // given the records one engine command leaves for a case
    String caseNo = TestCases.caseNo();
    Actor actor = new Actor("officer1", "湖州市生态环境局", "测试");
    List<TrailRecord> records = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      records.add(new TrailRecord(caseNo, TrailValues.now(), actor, AuditAction.VARIABLE_CHANGED, "v" + i,
          "{\"new\":" + i + "}", "pi-" + caseNo, null));
    }

    // when they are appended (twice: the second command continues the chain)
    long inserts;
    try (SqlCounts sql = SqlCounts.start(jdbc)) {
      trail.append(records);
      trail.append(records.subList(0, 3));
      inserts = sql.executions("INSERT INTO audit_entry%");
    }

    // then one INSERT per command, and the eight entries form one valid chain
    assertThat(inserts).isEqualTo(2);
    List<AuditEntry> entries = trail.entries(caseNo);
    assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    for (int i = 1; i < entries.size(); i++) {
      assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).hash());
    }
    assertThat(entries).extracting(AuditEntry::target)
        .containsExactly("v0", "v1", "v2", "v3", "v4", "v0", "v1", "v2");
    assertThat(trail.verify(caseNo).valid()).isTrue();
  }
}
