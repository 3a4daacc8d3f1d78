package cn.ecolaw.platform.discretion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.ecolaw.platform.shared.PlatformException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DiscretionInputTest {

  private static Map<String, Object> vars() {
    Map<String, Object> v = new HashMap<>();
    v.put("violationType", "WATER_EXCEED");
    v.put("exceedRatio", 0.35);
    v.put("durationDays", 7L);
    v.put("sensitiveArea", "true");
    v.put("violationsIn2Years", "2");
    v.put("firstViolation", Boolean.FALSE);
    v.put("correctedPromptly", "false");
    v.put("harmOccurred", null);
    return v;
  }

  @Test
  void readsNumbersAndBooleansWhateverTheirJavaType() {
    DiscretionInput in = DiscretionInput.fromVariables(vars());

    assertThat(in.violationType()).isEqualTo("WATER_EXCEED");
    assertThat(in.exceedRatio()).isEqualByComparingTo("0.35");
    assertThat(in.durationDays()).isEqualTo(7);
    assertThat(in.sensitiveArea()).isTrue();
    assertThat(in.violationsIn2Years()).isEqualTo(2);
    assertThat(in.correctedPromptly()).isFalse();
    assertThat(in.harmOccurred()).isFalse();
    assertThat(in.totalInvestment()).isNull();
  }

  @Test
  void acceptsIntegerDoubleBigDecimalAndStringForms() {
    Map<String, Object> v = vars();
    v.put("exceedRatio", "1.5");
    v.put("durationDays", 12.0);
    v.put("violationsIn2Years", 1);
    v.put("firstViolation", "TRUE");
    v.put("violationType", "EIA_UNAPPROVED");
    v.put("totalInvestment", new BigDecimal("2000000"));

    DiscretionInput in = DiscretionInput.fromVariables(v);
    in.validate();

    assertThat(in.exceedRatio()).isEqualByComparingTo("1.5");
    assertThat(in.durationDays()).isEqualTo(12);
    assertThat(in.firstViolation()).isTrue();
    assertThat(in.totalInvestment()).isEqualByComparingTo("2000000");
  }

  @Test
  void variablesRoundTripWithEngineFriendlyTypes() {
    DiscretionInput in = new DiscretionInput("EIA_UNAPPROVED", null, null, false, 1, true, true, false,
        new BigDecimal("12345678.5"));

    Map<String, Object> v = in.toVariables();
    DiscretionInput back = DiscretionInput.fromVariables(v);

    assertThat(v).containsKeys("exceedRatio", "durationDays", "totalInvestment");
    assertThat(v.get("totalInvestment")).isInstanceOf(Double.class);
    assertThat(back.totalInvestment()).isEqualByComparingTo("12345678.5");
    assertThat(back.exceedRatio()).isNull();
    assertThat(back.firstViolation()).isTrue();
  }

  @Test
  void refusesTextWhereANumberIsExpected() {
    Map<String, Object> v = vars();
    v.put("exceedRatio", "三成");

    assertThatThrownBy(() -> DiscretionInput.fromVariables(v))
        .isInstanceOfSatisfying(PlatformException.class, e -> {
          assertThat(e.getCode()).isEqualTo("DISC-008");
          assertThat(e.getMessage()).contains("超标比例");
        });
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "unknown type       | NOISE_EXCEED   | 0.1  | 3  | 1 | false |          | DISC-001 | 未知的违法行为类型：NOISE_EXCEED",
      "missing type       |                | 0.1  | 3  | 1 | false |          | DISC-001 | 未知的违法行为类型",
      "negative ratio     | WATER_EXCEED   | -0.1 | 3  | 1 | false |          | DISC-002 | 超标比例不能为负数",
      "negative duration  | WATER_EXCEED   | 0.1  | -1 | 1 | false |          | DISC-003 | 持续天数不能为负数",
      "no violation count | WATER_EXCEED   | 0.1  | 3  | 0 | false |          | DISC-004 | 至少为1次",
      "EIA no investment  | EIA_UNAPPROVED |      | 3  | 1 | false |          | DISC-005 | 总投资额",
      "EIA zero investment| EIA_UNAPPROVED |      | 3  | 1 | false | 0        | DISC-005 | 总投资额",
      "first but repeated | WATER_EXCEED   | 0.1  | 3  | 2 | true  |          | DISC-006 | 相互矛盾",
      "negative investment| AIR_EXCEED     | 0.1  | 3  | 1 | false | -5       | DISC-007 | 不能为负数"})
  void validateRefusesWithCodeAndChineseMessage(String name, String type, String ratio, Integer days,
      int violations, boolean first, String investment, String code, String message) {
    DiscretionInput in = new DiscretionInput(type, ratio == null ? null : new BigDecimal(ratio), days, false,
        violations, first, false, false, investment == null ? null : new BigDecimal(investment));

    assertThatThrownBy(in::validate).isInstanceOfSatisfying(PlatformException.class, e -> {
      assertThat(e.getStatus()).isEqualTo(400);
      assertThat(e.getCode()).isEqualTo(code);
      assertThat(e.getMessage()).contains(message);
    });
  }
}
