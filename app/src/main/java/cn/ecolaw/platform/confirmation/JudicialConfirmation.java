package cn.ecolaw.platform.confirmation;

import cn.ecolaw.platform.workflow.PlatformCall;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * The court's public entry for 司法确认: checks the application (CONF-0xx) and starts {@code judicial-confirmation}
 * with its own docket number （2026）浙0502民特N号 as business key and the originating number in {@code caseNo}.
 */
@Service
public class JudicialConfirmation {

  public static final String PROCESS_KEY = "judicial-confirmation";

  private final RuntimeService runtime;
  private final ConfirmationRegistration registration;

  public JudicialConfirmation(RuntimeService runtime, ConfirmationRegistration registration) {
    this.runtime = runtime;
    this.registration = registration;
  }

  /** Files the application; returns the docket number. */
  public String apply(ConfirmationApplication application) {
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", application.caseNo());
    v.put("agreementType", application.agreementType());
    v.put("applicants", application.applicants());
    v.put("agreementDate", application.agreementDate() == null ? null : application.agreementDate().toString());
    v.put("agreementTerms", application.agreementTerms());
    if (application.originInstanceId() != null) {
      v.put("originInstanceId", application.originInstanceId());
    }
    registration.validate(v);
    String docketNo = registration.nextDocketNo();
    PlatformCall.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, docketNo, v));
    return docketNo;
  }

  static PlatformException refusal(String code, String message) {
    return PlatformException.badRequest(code, message);
  }
}
