package cn.ecolaw.platform.appraisal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The roster of appraisal institutions (table appraisal_institution) and the record of selections. */
@Repository
public class InstitutionRoster {

  private final JdbcTemplate jdbc;

  public InstitutionRoster(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Institution> all() {
    return jdbc.query("SELECT * FROM appraisal_institution ORDER BY id", InstitutionRoster::map);
  }

  public Optional<Institution> byName(String name) {
    return all().stream().filter(i -> i.name().equals(name == null ? null : name.trim())).findFirst();
  }

  public Optional<Institution> byId(long id) {
    return all().stream().filter(i -> i.id() == id).findFirst();
  }

  /** Qualified for the category on the day, not conflicted with the parties, not excluded; ordered by id. */
  public List<Institution> eligible(AppraisalCategory category, List<String> parties, LocalDate day,
      List<Long> excluded) {
    return all().stream()
        .filter(i -> i.qualifiedFor(category, day) && !i.conflictedWith(parties) && !excluded.contains(i.id()))
        .toList();
  }

  public void recordSelection(String appraisalNo, String caseNo, String method, Long seed, List<Institution> candidates,
      Institution winner) {
    jdbc.update("INSERT INTO appraisal_selection (appraisal_no, case_no, method, seed, candidates, winner_id, selected_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP)",
        appraisalNo, caseNo, method, seed,
        candidates.stream().map(i -> i.id() + ":" + i.name()).collect(Collectors.joining(",")), winner.id());
  }

  /** The recorded selections of an appraisal, oldest first. */
  public List<Selection> selections(String appraisalNo) {
    return jdbc.query("SELECT * FROM appraisal_selection WHERE appraisal_no = ? ORDER BY id",
        (rs, n) -> new Selection(rs.getString("method"), (Long) rs.getObject("seed"),
            List.of(rs.getString("candidates").split(",")), rs.getLong("winner_id")), appraisalNo);
  }

  /** A recorded choice: method AGREED or RANDOM, the seed of the draw, the candidates ("id:name") and the winner. */
  public record Selection(String method, Long seed, List<String> candidates, long winnerId) {}

  private static Institution map(ResultSet rs, int n) throws SQLException {
    EnumSet<AppraisalCategory> categories = EnumSet.noneOf(AppraisalCategory.class);
    for (String c : rs.getString("categories").split(",")) {
      AppraisalCategory category = AppraisalCategory.of(c.trim());
      if (category != null) {
        categories.add(category);
      }
    }
    String conflicts = rs.getString("conflicted_parties");
    List<String> parties = conflicts == null || conflicts.isBlank() ? List.of()
        : Arrays.stream(conflicts.split("[、,，]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    return new Institution(rs.getLong("id"), rs.getString("name"), categories, rs.getString("certificate_no"),
        rs.getDate("certificate_expiry").toLocalDate(), parties, rs.getBoolean("active"));
  }
}
