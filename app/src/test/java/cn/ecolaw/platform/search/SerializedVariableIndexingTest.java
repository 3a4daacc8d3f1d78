package cn.ecolaw.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A process variable that the engine keeps as a serialized Java object (mediation-routing's decision result
 * {@code routing}, a HashMap) must not stop the case from being indexed: reading it without deserialization threw
 * "Object is not deserialized", the shipper failed the whole batch and retried it forever, and the index fell behind
 * for every case (found through the operator's {@code search} health component, issue 14).
 */
@PlatformTest
class SerializedVariableIndexingTest {

  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired CaseDocuments documents;

  @Test
  void aCaseWithASerializedJavaObjectVariableIsStillIndexed() {
    // given a case with a variable the engine serialized as a Java object
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    String pid = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    runtime.setVariable(pid, "routing", new HashMap<>(Map.of("route", "MEDIATION")));

    // when its index document is built, then it is, with its case number
    assertThat(documents.build(pid)).isPresent().get().extracting(CaseDocument::caseNo).isEqualTo(caseNo);
  }
}
