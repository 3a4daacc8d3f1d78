package cn.ecolaw.platform.mediation;

import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * 诉前调解分流：checks a dispute, gives it its number （2026）浙0502民诉前调1号 and starts {@code mediation-routing}.
 * The same checks run when the clerk uses the Tasklist start form (Task_RegisterDispute).
 */
@Service
public class MediationRouting {

  public static final String PROCESS_KEY = "mediation-routing";
  /** A court number: （year）court code + case type + serial + 号. */
  static final Pattern DISPUTE_NO = Pattern.compile("^（20\\d{2}）[\\u4e00-\\u9fa5A-Za-z0-9]{2,20}[1-9]\\d{0,5}号$");

  private final RuntimeService runtime;
  private final CaseNumbers numbers;
  private final AgencyProperties agency;

  public MediationRouting(RuntimeService runtime, CaseNumbers numbers, AgencyProperties agency) {
    this.runtime = runtime;
    this.numbers = numbers;
    this.agency = agency;
  }

  /** Starts the routing of a dispute; returns its number. */
  public String start(String disputeNo, Map<String, Object> variables) {
    Map<String, Object> v = new HashMap<>(variables);
    v.remove("caseNo");
    validate(v);
    String no = blank(disputeNo) ? null : disputeNo.trim();
    if (no != null) {
      checkNumber(no);
      v.put("caseNo", no);
    }
    var pi = PlatformCall.run(() -> no == null ? runtime.startProcessInstanceByKey(PROCESS_KEY, v)
        : runtime.startProcessInstanceByKey(PROCESS_KEY, no, v));
    return (String) runtime.getVariable(pi.getId(), "caseNo");
  }

  /**
   * Checks the start variables and fills the derived ones (number, court, labels); throws MED-0xx. Returns the
   * variables to set.
   */
  public Map<String, Object> register(String businessKey, Map<String, Object> v) {
    validate(v);
    String no = blank(businessKey) ? (String) v.get("caseNo") : businessKey;
    if (blank(no)) {
      no = numbers.nextDocketNo(agency.courtCode(), "民诉前调", Dates.today().getYear());
    } else {
      checkNumber(no.trim());
    }
    Map<String, Object> out = new HashMap<>();
    out.put("caseNo", no.trim());
    out.put("court", agency.court());
    out.put("receivedDate", Dates.today().toString());
    out.put("caseCategoryLabel", MediationVocabulary.label(MediationVocabulary.CATEGORIES, v.get("caseCategory")));
    out.put("publicInterest", bool(v.get("publicInterest")));
    out.put("partiesConsent", bool(v.get("partiesConsent")));
    out.put("claimAmount", ((Number) number(v.get("claimAmount"))).doubleValue());
    return out;
  }

  static void checkNumber(String no) {
    if (!DISPUTE_NO.matcher(no).matches()) {
      throw PlatformException.badRequest("MED-007", "纠纷编号格式不正确，应如（2026）浙0502民诉前调1号");
    }
  }

  static void validate(Map<String, Object> v) {
    if (blank(v.get("applicant"))) {
      throw PlatformException.badRequest("MED-001", "请填写申请人（原告）");
    }
    if (blank(v.get("respondent"))) {
      throw PlatformException.badRequest("MED-002", "请填写被申请人（被告）");
    }
    if (!MediationVocabulary.CATEGORIES.containsKey(String.valueOf(v.get("caseCategory")))) {
      throw PlatformException.badRequest("MED-003", "纠纷类型不正确");
    }
    Object amount = number(v.get("claimAmount"));
    if (!(amount instanceof Number n) || n.doubleValue() < 0) {
      throw PlatformException.badRequest("MED-004", "诉讼标的额应为不小于零的数字（元）");
    }
    if (bool(v.get("publicInterest")) == null || bool(v.get("partiesConsent")) == null) {
      throw PlatformException.badRequest("MED-005", "请选择是否为公益诉讼案件以及当事人是否同意调解");
    }
    if (blank(v.get("facts"))) {
      throw PlatformException.badRequest("MED-006", "请填写纠纷事实及请求");
    }
  }

  static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(String.valueOf(value)) || "false".equals(String.valueOf(value))) {
      return Boolean.valueOf(value.toString());
    }
    return null;
  }

  static Object number(Object value) {
    if (value instanceof Number || value == null) {
      return value;
    }
    try {
      return Double.parseDouble(value.toString().trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
