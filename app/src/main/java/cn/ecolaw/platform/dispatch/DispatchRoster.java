package cn.ecolaw.platform.dispatch;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The rosters of pollution sources and of enforcement officers (tables pollution_source, inspection_officer). */
@Repository
public class DispatchRoster {

  private static final RowMapper<PollutionSource> SOURCE = (rs, i) -> new PollutionSource(rs.getString("source_id"),
      rs.getString("name"), rs.getString("credit_code"), rs.getString("legal_representative"),
      rs.getString("address"), rs.getString("region"), rs.getString("area"), rs.getString("domain"),
      (Double) rs.getObject("latitude", Double.class), (Double) rs.getObject("longitude", Double.class),
      rs.getBoolean("active"));
  private static final RowMapper<InspectionOfficer> OFFICER = (rs, i) -> new InspectionOfficer(rs.getString("user_id"),
      rs.getString("name"), rs.getString("unit"), rs.getString("cert_no"), rs.getString("area"),
      (Double) rs.getObject("latitude", Double.class), (Double) rs.getObject("longitude", Double.class),
      rs.getBoolean("active"));

  private final JdbcTemplate jdbc;

  public DispatchRoster(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<PollutionSource> source(String sourceId) {
    return jdbc.query("SELECT * FROM pollution_source WHERE source_id = ?", SOURCE, sourceId).stream().findFirst();
  }

  /** Active sources, in the order of their ids (the order a seeded draw shuffles); all areas when area is null. */
  public List<PollutionSource> activeSources(String area) {
    return area == null
        ? jdbc.query("SELECT * FROM pollution_source WHERE active = TRUE ORDER BY source_id", SOURCE)
        : jdbc.query("SELECT * FROM pollution_source WHERE active = TRUE AND area = ? ORDER BY source_id", SOURCE,
            area);
  }

  /** Active officers of the unit, in the order of their user ids. */
  public List<InspectionOfficer> activeOfficers(String unit) {
    return jdbc.query("SELECT * FROM inspection_officer WHERE active = TRUE AND unit = ? ORDER BY user_id", OFFICER,
        unit);
  }

  public Optional<InspectionOfficer> officer(String userId) {
    return jdbc.query("SELECT * FROM inspection_officer WHERE user_id = ?", OFFICER, userId).stream().findFirst();
  }

  /** Adds or replaces a source (demo data, imports). */
  public void save(PollutionSource s) {
    jdbc.update("DELETE FROM pollution_source WHERE source_id = ?", s.sourceId());
    jdbc.update("INSERT INTO pollution_source (source_id, name, credit_code, legal_representative, address, region, "
            + "area, domain, latitude, longitude, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", s.sourceId(),
        s.name(), s.creditCode(), s.legalRepresentative(), s.address(), s.region(), s.area(), s.domain(),
        s.latitude(), s.longitude(), s.active());
  }

  /** Adds or replaces an officer (demo data, imports). */
  public void save(InspectionOfficer o) {
    jdbc.update("DELETE FROM inspection_officer WHERE user_id = ?", o.userId());
    jdbc.update("INSERT INTO inspection_officer (user_id, name, unit, cert_no, area, latitude, longitude, active) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", o.userId(), o.name(), o.unit(), o.certNo(), o.area(), o.latitude(),
        o.longitude(), o.active());
  }
}
