package cn.ecolaw.platform.suggestion;

import cn.ecolaw.platform.workflow.PlatformCall;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * 司法建议 ({@code judicial-suggestion}): a judge drafts a suggestion arising from a case (the start form
 * {@code judicial-suggestion-start}: caseNo, addresseeUnit, suggestionSubject, problemsFound, suggestionContent),
 * the court issues 司法建议书 under its own number (business key, e.g. （2026）浙0502司建1号) and the addressed unit
 * replies within two months (法释〔2023〕11号 Art. 8) with 回复函. The same start as the Tasklist's start form, for the
 * platform's own callers (demo data, tests).
 */
@Service
public class JudicialSuggestions {

  public static final String PROCESS_KEY = "judicial-suggestion";

  private final RuntimeService runtime;

  public JudicialSuggestions(RuntimeService runtime) {
    this.runtime = runtime;
  }

  public ProcessInstance draft(Map<String, Object> startForm) {
    return PlatformCall.run(() -> runtime.startProcessInstanceByKey(PROCESS_KEY, new HashMap<>(startForm)));
  }
}
