package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.injunction.Injunctions;
import cn.ecolaw.platform.restoration.Restorations;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: an urgent injunction awaiting the judge's ruling (its 48-hour due time on the task) and a restoration
 * under supervision (plan approved, supervision cycle running). Runs after DemoDataLoader; skipped when present.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class CourtOrdersDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(CourtOrdersDemoData.class);
  static final String DEMO_MARK = "demoCourtOrders";

  private final RuntimeService runtime;
  private final Injunctions injunctions;
  private final Restorations restorations;
  private final ProcessDriver driver;

  public CourtOrdersDemoData(RuntimeService runtime, Injunctions injunctions, Restorations restorations,
      ProcessDriver driver) {
    this.runtime = runtime;
    this.injunctions = injunctions;
    this.restorations = restorations;
    this.driver = driver;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void load() {
    if (runtime.createProcessInstanceQuery().variableValueEquals(DEMO_MARK, true).count() > 0) {
      return;
    }
    injunctionAwaitingRuling();
    restorationUnderSupervision();
    LOG.info("演示禁止令与修复令已创建");
  }

  void injunctionAwaitingRuling() {
    Map<String, Object> v = new HashMap<>();
    v.put("applicant", "湖州市生态环境局");
    v.put("applicantType", "STATE_ORGAN");
    v.put("respondent", "湖州南浔利达电镀有限公司");
    v.put("respondentType", "ENTERPRISE");
    v.put("respondentId", "91330503MA2D4E5F6G");
    v.put("preSuit", "false");
    v.put("urgent", "true");
    v.put("facts", "被申请人通过雨水管网暗管向頔塘持续排放电镀废水，经责令改正后仍未停止。");
    v.put("harmEvidence", "在线监测数据：总镍超标8.6倍；现场检查笔录；无人机航拍照片。");
    v.put("requestedMeasures", "立即停止通过暗管排放电镀废水，封堵暗管");
    v.put("securityProvided", "false");
    v.put(DEMO_MARK, true);
    injunctions.apply(v);
  }

  void restorationUnderSupervision() {
    Map<String, Object> v = new HashMap<>();
    v.put("respondent", "湖州测试化工有限公司");
    v.put("site", "东苕溪吴兴段河岸带（约2000平方米）");
    v.put("damageDescription", "含铬废水渗漏造成河岸带土壤铬污染，植被死亡。");
    v.put("restorationRequirements", "清挖污染土壤并异位修复，回填后恢复河岸植被，土壤铬含量达到农用地筛选值。");
    v.put("restorationDeadline", Dates.today().plusMonths(6).toString());
    v.put("fallbackCost", 860000);
    v.put("supervisionCycle", "R/P30D");
    v.put(DEMO_MARK, true);
    ProcessInstance pi = restorations.order(v);
    driver.complete(pi.getId(), "Task_DraftPlan", Map.of("planSummary", "污染土壤清挖异位修复并复绿",
        "planMeasures", "第一月清挖转运；第二至五月异位修复；第六月回填复绿并监测", "planCost", 780000,
        "planDrafter", "湖州市生态环境局、浙江省环境科技有限公司"));
    driver.complete(pi.getId(), "Task_ApprovePlan", Map.of("planApproved", "true", "planOpinion", "方案可行，予以批准。"));
  }
}
