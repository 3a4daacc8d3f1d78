package cn.ecolaw.platform.restoration;

import cn.ecolaw.platform.workflow.PlatformCall;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The public entry of 修复令/生态修复: the judge's order (the start form's fields: caseNo, respondent, site,
 * damageDescription, restorationRequirements, restorationDeadline, fallbackCost, supervisionCycle) becomes a
 * {@code restoration} instance with its docket number as business key and the originating case number in caseNo.
 */
@Service
public class Restorations {

  public static final String PROCESS_KEY = "restoration";

  private final RuntimeService runtime;
  private final RestorationService service;

  public Restorations(RuntimeService runtime, RestorationService service) {
    this.runtime = runtime;
    this.service = service;
  }

  public ProcessInstance order(Map<String, Object> order) {
    return PlatformCall.run(
        () -> runtime.startProcessInstanceByKey(PROCESS_KEY, service.nextDocketNo(), new HashMap<>(order)));
  }
}
