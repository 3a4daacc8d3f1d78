package cn.ecolaw.platform.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** decisions/review-grade.dmn and decisions/review-arbitration.dmn, table-driven, on the DMN engine the app uses. */
class ReviewDecisionsTest {

  private static DmnDecision grade;
  private static DmnDecision arbitration;
  private static DmnEngine dmn;

  @BeforeAll
  static void parse() throws Exception {
    dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    grade = decision("decisions/review-grade.dmn", "review-grade");
    arbitration = decision("decisions/review-arbitration.dmn", "review-arbitration");
  }

  private static DmnDecision decision(String resource, String key) throws Exception {
    try (InputStream in = ReviewDecisionsTest.class.getClassLoader().getResourceAsStream(resource)) {
      return dmn.parseDecision(key, in);
    }
  }

  @ParameterizedTest(name = "score {0}, veto {1} -> {2}")
  @CsvSource({
      "100, false, 优秀",
      "90, false, 优秀",
      "89.5, false, 良好",
      "80, false, 良好",
      "79.9, false, 合格",
      "60, false, 合格",
      "59.5, false, 不合格",
      "0, false, 不合格",
      "100, true, 不合格",
      "95, true, 不合格",
      "30, true, 不合格"})
  void gradeBands(double totalScore, boolean vetoFailed, String expected) {
    Map<String, Object> in = Map.of("totalScore", totalScore, "vetoFailed", vetoFailed);

    assertThat(dmn.evaluateDecisionTable(grade, in).getSingleResult().<String>getEntry("grade")).isEqualTo(expected);
  }

  @ParameterizedTest(name = "city {0}/{2}, province {1}/{3} -> {4}")
  @CsvSource({
      // city, province, city veto, province veto -> arbitration required, reason contains
      "100, 100, false, false, false, 以省级复评结果为准",
      "95, 85, false, false, false, 以省级复评结果为准",
      "85, 95, false, false, false, 以省级复评结果为准",
      "95, 84.5, false, false, true, 相差超过10分",
      "70, 90.5, false, false, true, 相差超过10分",
      "90, 90, true, false, true, 一票否决",
      "90, 90, false, true, true, 一票否决",
      "60, 60, true, true, false, 以省级复评结果为准",
      "40, 90, true, true, true, 相差超过10分"})
  void arbitrationThreshold(double city, double province, boolean cityVeto, boolean provinceVeto, boolean required,
      String reason) {
    Map<String, Object> in = new HashMap<>();
    in.put("cityScore", city);
    in.put("provinceScore", province);
    in.put("cityVetoFailed", cityVeto);
    in.put("provinceVetoFailed", provinceVeto);

    DmnDecisionRuleResult r = dmn.evaluateDecisionTable(arbitration, in).getSingleResult();

    assertThat(r.<Boolean>getEntry("arbitrationRequired")).isEqualTo(required);
    assertThat(r.<String>getEntry("arbitrationReason")).contains(reason);
  }
}
