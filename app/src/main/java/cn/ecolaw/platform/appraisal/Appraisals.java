package cn.ecolaw.platform.appraisal;

import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The public entry for 评估鉴定委托, used by the court flows and by the bureau's case: checks the request (APR-00x)
 * and starts {@code appraisal} with its own number （2026）鉴委N号 as business key and the case number in
 * {@code caseNo}.
 */
@Service
public class Appraisals {

  public static final String PROCESS_KEY = "appraisal";
  public static final String COURT = "COURT";
  public static final String BUREAU = "BUREAU";

  private final RuntimeService runtime;
  private final CaseNumbers numbers;

  public Appraisals(RuntimeService runtime, CaseNumbers numbers) {
    this.runtime = runtime;
    this.numbers = numbers;
  }

  /** Starts the appraisal; returns its number. */
  public String request(AppraisalRequest r) {
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", r.caseNo());
    v.put("requestedBy", r.requestedBy());
    v.put("category", r.category());
    v.put("matter", r.matter());
    v.put("parties", r.parties());
    v.put("estimatedAmount", r.estimatedAmount());
    v.put("simpleCase", r.simpleCase() != null && r.simpleCase());
    v.put("methodExists", r.methodExists() == null || r.methodExists());
    v.put("tooSlowOrCostly", r.tooSlowOrCostly() != null && r.tooSlowOrCostly());
    validate(v);
    String appraisalNo = nextNo();
    PlatformCall.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, appraisalNo, v));
    return appraisalNo;
  }

  String nextNo() {
    return numbers.nextDocketNo("", "鉴委", Dates.today().getYear());
  }

  /** The derived variables of a registered request; throws APR-00x. */
  Map<String, Object> register(Map<String, Object> v) {
    validate(v);
    AppraisalCategory category = AppraisalCategory.of(v.get("category"));
    boolean court = COURT.equals(v.get("requestedBy"));
    Map<String, Object> out = new HashMap<>();
    out.put("categoryLabel", category.label());
    out.put("handlerGroup", court ? "court-judge" : "eco-officer");
    out.put("commissionerKind", court ? "院" : "机关");
    out.put("estimatedAmount", ((Number) v.get("estimatedAmount")).doubleValue());
    out.put("excludedInstitutions", "");
    out.put("pausedWorkingDays", 0);
    for (String flag : new String[] {"simpleCase", "methodExists", "tooSlowOrCostly"}) {
      out.put(flag, Boolean.TRUE.equals(v.get(flag)) || "true".equals(String.valueOf(v.get(flag))));
    }
    return out;
  }

  static void validate(Map<String, Object> v) {
    if (blank(v.get("caseNo"))) {
      throw PlatformException.badRequest("APR-001", "请填写案号");
    }
    if (!COURT.equals(v.get("requestedBy")) && !BUREAU.equals(v.get("requestedBy"))) {
      throw PlatformException.badRequest("APR-002", "委托方应为人民法院（COURT）或者生态环境部门（BUREAU）");
    }
    if (AppraisalCategory.of(v.get("category")) == null) {
      throw PlatformException.badRequest("APR-003", "鉴定类别不正确，应为七类环境损害鉴定类别之一");
    }
    if (blank(v.get("matter"))) {
      throw PlatformException.badRequest("APR-004", "请填写鉴定事项");
    }
    text(v.get("matter"), "鉴定事项", MAX_MATTER);
    if (blank(v.get("parties"))) {
      throw PlatformException.badRequest("APR-005", "请填写当事人");
    }
    text(v.get("parties"), "当事人", MAX_PARTIES);
    if (!(v.get("estimatedAmount") instanceof Number n) || !Double.isFinite(n.doubleValue()) || n.doubleValue() < 0
        || n.doubleValue() > MAX_AMOUNT) {
      throw PlatformException.badRequest("APR-006", "预估损害数额应为不小于零的数字（元）");
    }
  }

  /** Camunda keeps a string variable in a 4,000-character column (ACT_RU_VARIABLE.TEXT_). */
  static final int MAX_MATTER = 4000;
  static final int MAX_PARTIES = 1000;
  static final double MAX_AMOUNT = 1e15;

  /** Text, within its limit and free of markup and control characters (APR-007). */
  private static void text(Object value, String label, int max) {
    if (!(value instanceof String s)) {
      throw PlatformException.badRequest("APR-007", "“" + label + "”应为文字");
    }
    if (s.length() > max) {
      throw PlatformException.badRequest("APR-007", "“" + label + "”不得超过" + max + "个字");
    }
    cn.ecolaw.platform.workflow.TextSafety.inspect(label, s).ifPresent(finding -> {
      throw PlatformException.badRequest(finding.code(), finding.message());
    });
  }

  static boolean blank(Object value) {
    return value == null || value.toString().isBlank();
  }
}
