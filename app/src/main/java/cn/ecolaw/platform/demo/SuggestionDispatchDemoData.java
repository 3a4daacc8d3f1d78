package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.dispatch.DispatchRoster;
import cn.ecolaw.platform.dispatch.InspectionOfficer;
import cn.ecolaw.platform.dispatch.Inspections;
import cn.ecolaw.platform.dispatch.PollutionSource;
import cn.ecolaw.platform.enforcement.PartyIds;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.suggestion.JudicialSuggestions;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile (issue 13): the rosters of pollution sources and officers (with locations, one source without), and
 * 执法任务指派 in each state — an alarm awaiting officer1's inspection, a complaint by area for officer2, a seeded 双随机
 * draw, an inspection whose finding opened an enforcement case, one closed without a finding; 司法建议 — one in the
 * case handed to the court (湖环罚〔2026〕106号) awaiting the bureau's reply, one in 104号 already answered with 回复函.
 * Runs after the cases (@Order 30); skipped when present.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class SuggestionDispatchDemoData {

  private static final Logger LOG = LoggerFactory.getLogger(SuggestionDispatchDemoData.class);
  static final long DRAW_SEED = 20261129L;
  static final String AWAITING_REPLY_CASE = "湖环罚〔2026〕106号";
  static final String REPLIED_CASE = "湖环罚〔2026〕104号";

  private final DispatchRoster roster;
  private final Inspections inspections;
  private final JudicialSuggestions suggestions;
  private final ProcessDriver driver;
  private final HistoryService history;

  public SuggestionDispatchDemoData(DispatchRoster roster, Inspections inspections, JudicialSuggestions suggestions,
      ProcessDriver driver, HistoryService history) {
    this.roster = roster;
    this.inspections = inspections;
    this.suggestions = suggestions;
    this.driver = driver;
    this.history = history;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(30)
  public void load() {
    if (history.createHistoricProcessInstanceQuery().processDefinitionKey(Inspections.PROCESS_KEY).count() > 0) {
      return;
    }
    LOG.info("创建执法任务指派与司法建议演示数据……");
    rosters();
    inspectionsInEachState();
    suggestions();
    LOG.info("执法任务指派与司法建议演示数据已创建");
  }

  void rosters() {
    roster.save(new InspectionOfficer("officer1", "张伟", "unit-bureau", "浙33050001", "吴兴区", 30.8700, 120.1000, true));
    roster.save(new InspectionOfficer("officer2", "刘洋", "unit-bureau", "浙33050002", "南浔区", 30.8800, 120.4200, true));
    roster.save(new InspectionOfficer("officer3", "陈静", "unit-bureau", "浙33050003", "长兴县", 31.0200, 119.9100, true));
    source("PS-330502-001", "湖州织里恒通印染有限公司", "91330502MA2B3C4D5", "沈建国",
        "浙江省湖州市吴兴区织里镇工业园区纬三路18号", "浙江省湖州市吴兴区", "吴兴区", "WATER", 30.8600, 120.0800);
    source("PS-330502-002", "湖州吴兴金鑫电镀有限公司", "91330502MA29K8765", "钱国华",
        "浙江省湖州市吴兴区八里店镇工业园区2号", "浙江省湖州市吴兴区", "吴兴区", "WATER", 30.8350, 120.1500);
    source("PS-330503-001", "湖州南浔永昌纺织有限公司", "91330503MA2C5E6F5", "朱永昌",
        "浙江省湖州市南浔区练市镇工业园区6号", "浙江省湖州市南浔区", "南浔区", "WATER", null, null);
    source("PS-330503-002", "湖州南浔荣达木业有限公司", "91330503MA2G7H8J5", "周荣达",
        "浙江省湖州市南浔区和孚镇工业园区9号", "浙江省湖州市南浔区", "南浔区", "AIR", 30.8300, 120.3100);
    source("PS-330522-001", "湖州长兴宏达化工有限公司", "91330522MA2D7Q1W5", "王宏达",
        "浙江省湖州市长兴县李家巷镇化工园区3号", "浙江省湖州市长兴县", "长兴县", "WATER", 31.0000, 119.9500);
    source("PS-330522-002", "湖州长兴新兴蓄电池有限公司", "91330522MA2K3L4M5", "孙新兴",
        "浙江省湖州市长兴县雉城街道工业园区12号", "浙江省湖州市长兴县", "长兴县", "SOLID_WASTE", 31.0300, 119.9000);
  }

  private void source(String id, String name, String code17, String representative, String address, String region,
      String area, String domain, Double lat, Double lon) {
    roster.save(new PollutionSource(id, name, PartyIds.withUsccCheck(code17), representative, address, region, area,
        domain, lat, lon, true));
  }

  void inspectionsInEachState() {
    // 超标报警 at the printing works: officer1 (nearest) and officer3 inspect within 24 hours
    inspections.alarm(alarm("PS-330502-001", "化学需氧量", 138, 100, 2));
    // 群众举报 about a mill without a location: officers of its area (南浔, officer2) first
    inspections.complaint(Map.of("sourceId", "PS-330503-001", "complaintContent", "夜间有黑色废水排入河道，气味刺鼻。",
        "complainant", "练市镇村民"));
    // 双随机: two sources and two pairs, seed recorded
    inspections.draw(Map.of("count", 2, "seed", DRAW_SEED, "area", "长兴县"), "head1");
    // an alarm whose inspection found the exceedance: the enforcement case is opened (clue source: inspection)
    Inspections.Dispatched found = inspections.alarm(alarm("PS-330502-002", "总铬", 0.9, 0.5, 3));
    driver.complete(found.processInstanceId(), "Task_Inspect", Map.of("inspectionDate", Dates.today().toString(),
        "sitePerson", "钱国华（法定代表人）", "inspectionSituation", "电镀废水处理设施加药泵停运，总排口废水呈黄色。",
        "violationFound", "true", "findingViolationType", "WATER_EXCEED",
        "findingFacts", "总排口废水总铬浓度0.9毫克/升，超过排放限值0.5毫克/升。"));
    // a complaint that found nothing: closed with its record
    Inspections.Dispatched nothing = inspections.complaint(Map.of("sourceId", "PS-330503-002",
        "complaintContent", "厂区粉尘较大。"));
    driver.complete(nothing.processInstanceId(), "Task_Inspect", Map.of("inspectionDate", Dates.today().toString(),
        "sitePerson", "周荣达（法定代表人）", "inspectionSituation", "布袋除尘器正常运行，厂界无明显粉尘。",
        "violationFound", "false"));
  }

  private static Map<String, Object> alarm(String sourceId, String pollutant, double measured, double limit,
      int hoursAgo) {
    Map<String, Object> a = new HashMap<>();
    a.put("sourceId", sourceId);
    a.put("pollutant", pollutant);
    a.put("measuredValue", measured);
    a.put("limitValue", limit);
    a.put("unit", "毫克/升");
    a.put("measuredAt", LocalDateTime.now(Dates.ZONE).minusHours(hoursAgo).withNano(0).withSecond(0).toString());
    return a;
  }

  void suggestions() {
    suggestions.draft(draft(AWAITING_REPLY_CASE, "排污单位在线监测设施运行监管",
        "被执行人在线监测设施长期故障，超标排放持续数月未被发现，罚款经催告仍未缴纳。",
        "一、建立重点排污单位在线监测设施运行状况定期核查制度；二、对逾期未缴纳罚款的案件及时催告并依法申请强制执行。"));
    String replied = suggestions.draft(draft(REPLIED_CASE, "行政处罚决定的送达与催告",
        "行政处罚决定书送达回证记载不完整，催告书未载明加处罚款的计算方式。",
        "规范送达回证的填写，催告书应当写明加处罚款的起算日期和计算方式。")).getId();
    driver.complete(replied, "Task_ReplySuggestion", Map.of("replyAdoption", "ADOPTED",
        "replyContent", "我局已全面采纳贵院建议，对全局行政处罚文书送达与催告工作进行了专项检查。",
        "measuresTaken", "修订送达回证和催告书格式文本，组织执法人员专题培训，纳入案卷评查重点。"));
  }

  private static Map<String, Object> draft(String caseNo, String subject, String problems, String content) {
    return Map.of("caseNo", caseNo, "addresseeUnit", "unit-bureau", "suggestionSubject", subject,
        "problemsFound", problems, "suggestionContent", content);
  }
}
