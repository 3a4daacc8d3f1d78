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
  private final org.springframework.transaction.support.TransactionTemplate separately;

  public CaseNumbers(JdbcTemplate jdbc, org.springframework.transaction.PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.separately = new org.springframework.transaction.support.TransactionTemplate(transactions);
    this.separately.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public static boolean isWellFormed(String caseNo) {
    return caseNo != null && CASE_NO.matcher(caseNo).matches();
  }

  /** The year of a well-formed case number (湖环罚〔2026〕12号 → 2026). */
  public static int year(String caseNo) {
    var m = CASE_NO.matcher(caseNo);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a case number: " + caseNo);
    }
    return Integer.parseInt(m.group(1));
  }

  /** The next penalty case number of the agency, e.g. 湖环罚〔2026〕13号. */
  public String nextCaseNo(String agencyShortName, int year) {
    String prefix = agencyShortName + "罚";
    return prefix + "〔" + year + "〕" + next(prefix, year) + "号";
  }

  /** The next number of another of the agency's registers, e.g. 湖环检〔2026〕3号 (kind 检: inspection tasks). */
  public String nextAgencyNo(String agencyShortName, String kind, int year) {
    String prefix = agencyShortName + kind;
    return prefix + "〔" + year + "〕" + next(prefix, year) + "号";
  }

  /** The next docket number of a court, e.g. （2026）浙0502行审4号. */
  public String nextDocketNo(String courtCode, String caseType, int year) {
    String prefix = courtCode + caseType;
    return "（" + year + "）" + prefix + next(prefix, year) + "号";
  }

  @Transactional(propagation = Propagation.REQUIRED)
  int next(String prefix, int year) {
    String increment = "UPDATE case_number_sequence SET next_value = next_value + 1 WHERE prefix = ? AND year_no = ?";
    if (jdbc.update(increment, prefix, year) == 0) {
      // the first number of the year: the sequence row is created in its own transaction, so that parallel first
      // requests do not fail on its key (nor abort the caller's transaction on PostgreSQL); then counted as usual
      separately.executeWithoutResult(status -> {
        try {
          jdbc.update("INSERT INTO case_number_sequence (prefix, year_no, next_value) VALUES (?, ?, 1)", prefix, year);
        } catch (org.springframework.dao.DuplicateKeyException e) {
          // created by a parallel request meanwhile
        }
      });
      jdbc.update(increment, prefix, year);
    }
    Integer value = jdbc.queryForObject(
        "SELECT next_value FROM case_number_sequence WHERE prefix = ? AND year_no = ?", Integer.class, prefix, year);
    return value - 1;
  }
}
