package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.mediation.MediationRouting;
import cn.ecolaw.platform.appraisal.AppraisalRequest;
import cn.ecolaw.platform.appraisal.Appraisals;
import cn.ecolaw.platform.confirmation.ConfirmationApplication;
import cn.ecolaw.platform.confirmation.JudicialConfirmation;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: a dispute in mediation (（2026）浙0502民诉前调101号, waiting for the mediator), an appraisal under way
 * (the institution drawn at random, commission accepted, report due) and a compensation agreement in its 30-day
 * public notice. Runs after the platform's demo loader; skipped when the dispute exists.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class MediationDemoData {

  static final String DISPUTE_NO = "（2026）浙0502民诉前调101号";
  static final String APPRAISAL_CASE = "湖环罚〔2026〕103号";

  private static final Logger LOG = LoggerFactory.getLogger(MediationDemoData.class);

  private final MediationRouting routing;
  private final Appraisals appraisals;
  private final JudicialConfirmation confirmation;
  private final ProcessDriver driver;
  private final RuntimeService runtime;

  public MediationDemoData(MediationRouting routing, Appraisals appraisals, JudicialConfirmation confirmation,
      ProcessDriver driver, RuntimeService runtime) {
    this.routing = routing;
    this.appraisals = appraisals;
    this.confirmation = confirmation;
    this.driver = driver;
    this.runtime = runtime;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void load() {
    if (runtime.createProcessInstanceQuery().processInstanceBusinessKey(DISPUTE_NO).count() > 0
        || !runtime.createProcessInstanceQuery().processDefinitionKey(MediationRouting.PROCESS_KEY).list().isEmpty()) {
      return;
    }
    LOG.info("创建诉前调解、评估鉴定、司法确认演示数据……");
    disputeInMediation();
    appraisalUnderWay();
    compensationAgreementInNotice();
  }

  private void disputeInMediation() {
    Map<String, Object> v = new HashMap<>();
    v.put("applicant", "湖州市吴兴区织里镇联漾村村民委员会");
    v.put("respondent", "湖州织里恒通印染有限公司");
    v.put("caseCategory", "POLLUTION_DAMAGE");
    v.put("publicInterest", false);
    v.put("claimAmount", 860000d);
    v.put("partiesConsent", true);
    v.put("facts", "被申请人偷排印染废水，致申请人集体鱼塘死鱼约三万斤，请求赔偿养殖损失86万元。");
    routing.start(DISPUTE_NO, v);
    driver.complete(driver.instanceOf(DISPUTE_NO), "Task_ReviewDispute",
        Map.of("divertToMediation", "true", "intakeNote", "当事人同意调解，一键分流。"));
  }

  private void appraisalUnderWay() {
    String no = appraisals.request(new AppraisalRequest(APPRAISAL_CASE, Appraisals.BUREAU, "SURFACE_WATER",
        "长兴县和平镇某河段水体及沉积物污染损害数额、生态环境修复费用", "湖州长兴宏达化工有限公司", 1_200_000d,
        false, true, false));
    String pid = driver.instanceOf(no);
    driver.complete(pid, "Task_ChooseInstitution", Map.of("selectionMethod", "RANDOM"));
    driver.complete(pid, "Task_AcceptCommission", Map.of("commissionAccepted", "true", "fee", 68000d));
  }

  private void compensationAgreementInNotice() {
    confirmation.apply(new ConfirmationApplication("湖环损赔〔2026〕3号", ConfirmationApplication.COMPENSATION,
        "湖州市生态环境局、湖州南太湖新材料科技有限公司", Dates.today().minusDays(3),
        "一、赔偿义务人于2027年3月31日前支付生态环境损害赔偿金95万元；二、赔偿义务人于2027年6月30日前完成厂区周边土壤修复，"
            + "逾期未完成的，按修复费用120万元承担替代修复责任。", null));
  }
}
