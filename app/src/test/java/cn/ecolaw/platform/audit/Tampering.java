package cn.ecolaw.platform.audit;

import org.springframework.jdbc.core.JdbcTemplate;

/** What someone with database access might do to a trail behind the application's back. */
final class Tampering {

  private final JdbcTemplate jdbc;

  Tampering(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  int editDetail(String caseNo, long seq, String detail) {
    return jdbc.update("UPDATE audit_entry SET detail = ? WHERE case_no = ? AND seq = ?", detail, caseNo, seq);
  }

  int delete(String caseNo, long seq) {
    return jdbc.update("DELETE FROM audit_entry WHERE case_no = ? AND seq = ?", caseNo, seq);
  }

  /** Swaps the places of two entries (their seq numbers), keeping everything else. */
  void swap(String caseNo, long a, long b) {
    jdbc.update("UPDATE audit_entry SET seq = -1 WHERE case_no = ? AND seq = ?", caseNo, a);
    jdbc.update("UPDATE audit_entry SET seq = ? WHERE case_no = ? AND seq = ?", a, caseNo, b);
    jdbc.update("UPDATE audit_entry SET seq = ? WHERE case_no = ? AND seq = -1", b, caseNo);
  }
}
