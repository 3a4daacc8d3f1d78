package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The court's restoration order (修复令) and its paper: the order with its deadline, the supervision cycle and the
 * fallback restoration cost the respondent bears if it does not restore (Civil Code 1234–1235); the plan approval
 * form (生态修复方案审批表) and the acceptance opinion (修复验收意见书).
 */
@Service
public class RestorationService {

  /** Docket type of the civil (public-interest) case the order is made in. */
  public static final String DOCKET_TYPE = "民初";
  /** A repeating ISO 8601 cycle of days, weeks or months: R/P30D, R6/P1M, R/P2W. */
  static final Pattern CYCLE = Pattern.compile("^R\\d{0,3}/P[1-9]\\d{0,2}[DWM]$");

  private final CaseNumbers numbers;
  private final AgencyProperties agency;
  private final DocumentService documents;
  private final String defaultCycle;

  public RestorationService(CaseNumbers numbers, AgencyProperties agency, DocumentService documents,
      @Value("${platform.restoration.supervision-cycle:R/P30D}") String defaultCycle) {
    this.numbers = numbers;
    this.agency = agency;
    this.documents = documents;
    this.defaultCycle = defaultCycle;
  }

  public String nextDocketNo() {
    return numbers.nextDocketNo(agency.courtCode(), DOCKET_TYPE, Dates.today().getYear());
  }

  /** Checks the order, completes its variables and writes 修复令. */
  public Map<String, Object> issueOrder(Map<String, Object> in, String docketNo, String user) {
    Map<String, Object> out = new HashMap<>();
    out.put("respondent", required(in, "respondent", "修复义务人", 200));
    out.put("site", required(in, "site", "受损生态环境位置", 300));
    out.put("damageDescription", required(in, "damageDescription", "生态环境损害情况", 4000));
    out.put("restorationRequirements", required(in, "restorationRequirements", "修复要求", 4000));
    LocalDate deadline = deadline(in.get("restorationDeadline"));
    BigDecimal cost = cost(in.get("fallbackCost"));
    String cycle = blank(in.get("supervisionCycle")) ? defaultCycle : in.get("supervisionCycle").toString().trim();
    if (!CYCLE.matcher(cycle).matches()) {
      throw PlatformException.badRequest("RES-004", "监督检查周期应为 ISO 8601 循环格式，如 R/P30D（每三十日）、R/P1M（每月）");
    }
    out.put("caseNo", blank(in.get("caseNo")) ? docketNo : in.get("caseNo").toString().trim());
    out.put("courtDocketNo", docketNo);
    out.put("court", agency.court());
    out.put("restorationDeadline", deadline.toString());
    out.put("restorationDue", deadline.toString());
    out.put("restorationDueAt", Date.from(deadline.atTime(LocalTime.of(23, 59, 59)).atZone(Dates.ZONE).toInstant()));
    out.put("fallbackCost", cost.doubleValue());
    out.put("supervisionCycle", cycle);
    out.put("supervisionCycleLabel", cycleText(cycle));
    out.put("supervisionCount", 0);
    out.put("orderDate", Dates.today().toString());
    Map<String, Object> doc = new HashMap<>(out);
    doc.put("restorationDeadline", Dates.chinese(deadline));
    doc.put("cycleText", cycleText(cycle));
    var generated = documents.generate(out.get("caseNo").toString(), DocumentType.RESTORATION_ORDER, doc, user);
    out.put("orderDocumentId", String.valueOf(generated.id()));
    return out;
  }

  /** 生态修复方案审批表, for an approved or a returned plan. */
  public Map<String, Object> recordPlanApproval(Map<String, Object> vars, String user) {
    Map<String, Object> doc = new HashMap<>(vars);
    doc.put("planResult", Boolean.TRUE.equals(vars.get("planApproved")) ? "批准" : "退回修改");
    var generated = documents.generate(vars.get("caseNo").toString(), DocumentType.RESTORATION_PLAN_APPROVAL, doc, user);
    return Map.of("planApprovalDocumentId", String.valueOf(generated.id()), "planDecisionDate", Dates.today().toString());
  }

  /** 修复验收意见书. */
  public Map<String, Object> recordAcceptance(Map<String, Object> vars, String user) {
    Map<String, Object> doc = new HashMap<>(vars);
    boolean passed = Boolean.TRUE.equals(vars.get("acceptancePassed"));
    doc.put("acceptanceResult", passed ? "验收合格" : "验收不合格");
    doc.put("consequenceText", passed
        ? "修复义务人已履行生态环境修复义务，本案修复工作结束。"
        : "修复义务人未按修复方案完成修复，建议人民法院委托第三方代为修复，所需费用人民币"
            + amount(vars.get("fallbackCost")) + "元由修复义务人负担（《中华人民共和国民法典》第一千二百三十四条）。");
    doc.put("acceptanceDate", Dates.chinese(Dates.toLocalDate(vars.get("acceptanceDate"))));
    var generated = documents.generate(vars.get("caseNo").toString(), DocumentType.RESTORATION_ACCEPTANCE, doc, user);
    return Map.of("acceptanceDocumentId", String.valueOf(generated.id()));
  }

  private static LocalDate deadline(Object v) {
    if (blank(v)) {
      throw PlatformException.badRequest("RES-001", "“修复期限”为必填项");
    }
    LocalDate d;
    try {
      d = Dates.toLocalDate(v);
    } catch (DateTimeParseException e) {
      throw PlatformException.badRequest("RES-002", "“修复期限”不是有效日期（格式：年-月-日）");
    }
    if (!d.isAfter(Dates.today())) {
      throw PlatformException.badRequest("RES-002", "修复期限应晚于今天");
    }
    return d;
  }

  private static BigDecimal cost(Object v) {
    if (blank(v)) {
      throw PlatformException.badRequest("RES-001", "“生态环境修复费用”为必填项");
    }
    try {
      BigDecimal c = new BigDecimal(v.toString().trim());
      if (c.signum() <= 0) {
        throw PlatformException.badRequest("RES-003", "生态环境修复费用应大于零（《民法典》第一千二百三十五条）");
      }
      return c;
    } catch (NumberFormatException e) {
      throw PlatformException.badRequest("RES-003", "“生态环境修复费用”应为数字");
    }
  }

  private static String required(Map<String, Object> in, String key, String label, int max) {
    Object v = in.get(key);
    if (blank(v)) {
      throw PlatformException.badRequest("RES-001", "“" + label + "”为必填项");
    }
    String s = v.toString().trim();
    if (s.length() > max) {
      throw PlatformException.badRequest("RES-001", "“" + label + "”不得超过" + max + "个字");
    }
    return s;
  }

  static String cycleText(String cycle) {
    String period = cycle.substring(cycle.indexOf("/P") + 2);
    String n = period.substring(0, period.length() - 1);
    return switch (period.charAt(period.length() - 1)) {
      case 'W' -> "每" + n + "周";
      case 'M' -> "每" + n + "个月";
      default -> "每" + n + "日";
    };
  }

  static String amount(Object v) {
    return v == null ? "" : new BigDecimal(v.toString()).stripTrailingZeros().toPlainString();
  }

  static boolean blank(Object v) {
    return v == null || v.toString().isBlank();
  }
}
