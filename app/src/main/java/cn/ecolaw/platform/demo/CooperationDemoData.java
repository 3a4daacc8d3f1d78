package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.cooperation.ClueTransfers;
import cn.ecolaw.platform.cooperation.Consultations;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile (issue 13): a suspected crime transferred by the bureau to the police, waiting for police1's answer; a
 * clue of the natural resources bureau accepted by the bureau and opened as its case (both follow it); a
 * public-interest clue of the court waiting for prosecutor1; a consultation in 湖环罚〔2026〕102号 with the police
 * (opinion given) and an outside expert (expert1's opinion due). Skipped when any transfer exists.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class CooperationDemoData {

  static final String CONSULTED_CASE = "湖环罚〔2026〕102号";

  private static final Logger LOG = LoggerFactory.getLogger(CooperationDemoData.class);

  private final ClueTransfers transfers;
  private final Consultations consultations;
  private final DocumentService documents;
  private final ProcessDriver driver;
  private final RuntimeService runtime;
  private final TaskService tasks;

  public CooperationDemoData(ClueTransfers transfers, Consultations consultations, DocumentService documents,
      ProcessDriver driver, RuntimeService runtime, TaskService tasks) {
    this.tasks = tasks;
    this.transfers = transfers;
    this.consultations = consultations;
    this.documents = documents;
    this.driver = driver;
    this.runtime = runtime;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    if (runtime.createProcessInstanceQuery().processDefinitionKey(ClueTransfers.PROCESS_KEY).count() > 0
        || !transfers.list(null, 1).isEmpty()) {
      return;
    }
    LOG.info("创建线索移送、会商演示数据……");
    crimeToThePolice();
    clueFromNaturalResourcesOpenedAsCase();
    publicInterestToTheProcuratorate();
    consultationUnderWay();
  }

  private String transfer(Map<String, Object> body) {
    Map<String, Object> sent = transfers.request(body);
    return (String) sent.get("processInstanceId");
  }

  private void approve(String pid) {
    driver.complete(pid, "Task_ApproveSending", Map.of("transferApprovalGranted", "true", "approvalNote", "同意移送。"));
  }

  private void crimeToThePolice() {
    String pid = transfer(Map.of("senderUnit", "unit-bureau", "receiverUnit", "unit-police", "kind", "CRIME",
        "subject", "湖州德清某电镀作坊（无证经营）", "facts", "群众举报后夜查发现，该作坊通过暗管向农田沟渠排放含镍、含铬电镀废水，"
            + "取样监测总铬超标30倍以上，涉嫌污染环境罪。",
        "materials", "现场检查（勘察）笔录\n监测报告\n现场照片24张", "reason", "涉嫌污染环境罪，依法移送公安机关。"));
    approve(pid);
  }

  private void clueFromNaturalResourcesOpenedAsCase() {
    Map<String, Object> fields = new HashMap<>(DemoCases.waterCase("湖州吴兴鑫盛纺织印染有限公司", "91330502MA2C9X8Y7"));
    fields.remove("clueSource");
    fields.remove("facts");
    String pid = transfer(Map.of("senderUnit", "unit-natural-resources", "receiverUnit", "unit-bureau", "kind", "CLUE",
        "subject", "湖州吴兴鑫盛纺织印染有限公司", "facts", "土地执法巡查中发现该公司厂区北侧排口向河道排放深色废水，河面有明显泡沫。",
        "materials", "巡查记录\n现场照片6张", "caseFields", fields));
    approve(pid);
    driver.complete(pid, "Task_ReviewTransfer", Map.of("transferAccepted", "true",
        "receiverOpinion", "属于生态环境部门职责，接收并立案审查。"));
  }

  private void publicInterestToTheProcuratorate() {
    String pid = transfer(Map.of("senderUnit", "unit-court", "receiverUnit", "unit-procuratorate",
        "kind", "PUBLIC_INTEREST", "subject", "东苕溪吴兴段非法采砂",
        "facts", "审理中发现，东苕溪吴兴段长期存在非法采砂，河岸生态受损，可能损害社会公共利益。",
        "materials", "庭审笔录摘录\n现场照片"));
    approve(pid);
  }

  private void consultationUnderWay() {
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(CONSULTED_CASE).count() == 0) {
      return;
    }
    List<Long> shared = documents.list(CONSULTED_CASE).stream().map(d -> d.id()).limit(2).toList();
    Map<String, Object> c = consultations.convene(CONSULTED_CASE, Map.of("convenerUnit", "unit-bureau",
        "question", "当事人在线监测数据异常期间停用治理设施，是否构成通过不正常运行防治污染设施逃避监管，应否移送公安机关行政拘留？",
        "participants", List.of("unit-police", "unit-expert"), "documentIds", shared));
    String pid = (String) c.get("processInstanceId");
    String policeTask = tasks.createTaskQuery().processInstanceId(pid).taskDefinitionKey("Task_GiveOpinion")
        .taskCandidateGroup("police").singleResult().getId();
    tasks.complete(policeTask, Map.of("consultationOpinion",
        "如能证明系故意停运治理设施逃避监管，属于《中华人民共和国环境保护法》第六十三条第（三）项情形，可移送行政拘留。"));
  }
}
