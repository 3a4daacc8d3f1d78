package cn.ecolaw.platform.demo;

import cn.ecolaw.platform.review.Sample;
import cn.ecolaw.platform.review.SampleRequest;
import cn.ecolaw.platform.review.ReviewSampling;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.demo.DemoDataLoader;
import cn.ecolaw.platform.workflow.ProcessDriver;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo profile: the paid and closed demo case 湖环罚〔2026〕103号 drawn for review; the city reviewer has scored it,
 * the province's re-score is open (reviewer2). Runs once, after the enforcement demo cases exist.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class ReviewDemoData {

  static final String DEMO_CASE = "湖环罚〔2026〕103号";
  private static final Logger LOG = LoggerFactory.getLogger(ReviewDemoData.class);

  private final DemoDataLoader enforcementDemo;
  private final ReviewSampling sampling;
  private final ProcessDriver driver;
  private final CaseFileRepository cases;
  private final JdbcTemplate jdbc;

  public ReviewDemoData(DemoDataLoader enforcementDemo, ReviewSampling sampling, ProcessDriver driver, CaseFileRepository cases, JdbcTemplate jdbc) {
    this.enforcementDemo = enforcementDemo;
    this.sampling = sampling;
    this.driver = driver;
    this.cases = cases;
    this.jdbc = jdbc;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void load() {
    enforcementDemo.load(); // idempotent: makes sure the demo cases exist whichever listener runs first
    boolean closed = cases.find(DEMO_CASE).map(c -> "CLOSED".equals(c.status())).orElse(false);
    Integer reviewed = jdbc.queryForObject("SELECT COUNT(*) FROM review_case WHERE case_no = ?", Integer.class,
        DEMO_CASE);
    if (!closed || (reviewed != null && reviewed > 0)) {
      return;
    }
    Sample sample = sampling.draw(new SampleRequest(null, null, null, List.of(DEMO_CASE)), "reviewer1");
    String pid = sample.drawn().get(0).processInstanceId();
    driver.complete(pid, "Task_CityScoring", Map.of(
        "cityVetoFailed", "false",
        "cityDeductions", "INV-03 2 调查询问笔录未载明执法人员执法证件号\nARC-02 1 结案后未在三十日内归档",
        "cityOpinion", "案件事实清楚，程序基本合法，笔录和归档存在瑕疵。"));
    LOG.info("演示评查案卷已创建：{}（待省级复评）", DEMO_CASE);
  }
}
