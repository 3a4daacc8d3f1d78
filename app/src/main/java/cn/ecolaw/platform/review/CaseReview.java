package cn.ecolaw.platform.review;

import cn.ecolaw.platform.workflow.PlatformCall;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/** Starts one {@code case-review} process for a case file drawn for review; it carries the case number in caseNo. */
@Service
public class CaseReview {

  public static final String PROCESS_KEY = "case-review";

  private final RuntimeService runtime;

  public CaseReview(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public Sample.Drawn start(String caseNo, String unit, long sampleId) {
    String businessKey = "评查" + sampleId + "-" + caseNo;
    Map<String, Object> v = new HashMap<>();
    v.put("caseNo", caseNo);
    v.put("reviewedUnit", unit);
    v.put("sampleId", sampleId);
    String pid = PlatformCall.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey, v)).getId();
    return new Sample.Drawn(caseNo, pid, businessKey);
  }
}
