package cn.ecolaw.platform.cases;

import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Case numbers (案号) in the official form 湖环罚〔2026〕12号 and court docket numbers such as （2026）浙0502行审3号:
 * checked when given, else drawn from a per-prefix, per-year sequence.
 */
@Component
public class CaseNumbers {

  /** Agency short name (1–6 Chinese characters) + 罚 + 〔year〕 + serial + 号. */
  public static final Pattern CASE_NO = Pattern.compile("^[\\u4e00-\\u9fa5]{1,8}罚〔(20\\d{2})〕([1-9]\\d{0,5})号$");

  private final JdbcTemplate jdbc;

  public CaseNumbers(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public static boolean isWellFormed(String caseNo) {
    return caseNo != null && CASE_NO.matcher(caseNo).matches();
  }

  /** The next penalty case number of the agency, e.g. 湖环罚〔2026〕13号. */
  public String nextCaseNo(String agencyShortName, int year) {
    String prefix = agencyShortName + "罚";
    return prefix + "〔" + year + "〕" + next(prefix, year) + "号";
  }

  /** The next docket number of a court, e.g. （2026）浙0502行审4号. */
  public String nextDocketNo(String courtCode, String caseType, int year) {
    String prefix = courtCode + caseType;
    return "（" + year + "）" + prefix + next(prefix, year) + "号";
  }

  @Transactional(propagation = Propagation.REQUIRED)
  int next(String prefix, int year) {
    int updated = jdbc.update(
        "UPDATE case_number_sequence SET next_value = next_value + 1 WHERE prefix = ? AND year_no = ?", prefix, year);
    if (updated == 0) {
      jdbc.update("INSERT INTO case_number_sequence (prefix, year_no, next_value) VALUES (?, ?, 2)", prefix, year);
      return 1;
    }
    Integer value = jdbc.queryForObject(
        "SELECT next_value FROM case_number_sequence WHERE prefix = ? AND year_no = ?", Integer.class, prefix, year);
    return value - 1;
  }
}
