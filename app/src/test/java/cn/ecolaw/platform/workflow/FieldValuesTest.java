package cn.ecolaw.platform.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.BadUserRequestException;
import org.junit.jupiter.api.Test;

/** A submitted value becomes the type its form field declares, once, or is refused with the field's code. */
class FieldValuesTest {

  static FormSchema.Field field(String type, Integer maxLength, List<String> values) {
    return new FormSchema.Field("k", "罚款数额", type, "datetime".equals(type) ? "date" : null, false, maxLength, null,
        null, values);
  }

  static void refused(FormSchema.Field f, Object value, String code) {
    assertThatThrownBy(() -> FieldValues.parse(f, value)).isInstanceOf(BadUserRequestException.class)
        .hasMessageStartingWith("【" + code + "】");
  }

  @Test
  void numbersBecomeDoublesAndAnythingElseIsRefused() {
    FormSchema.Field number = field("number", null, null);
    assertThat(FieldValues.parse(number, "120000")).isEqualTo(120000d);
    assertThat(FieldValues.parse(number, 5)).isEqualTo(5d);
    assertThat(FieldValues.parse(number, FieldValues.parse(number, 5))).isEqualTo(5d);
    for (Object bad : List.of("abc", "NaN", "1e400", true, Map.of("元", 1), List.of(1))) {
      refused(number, bad, "FORM-002");
    }
  }

  @Test
  void yesNoBecomeBooleansAndChoicesStayWithinTheirValues() {
    assertThat(FieldValues.parse(field("checkbox", null, null), "true")).isEqualTo(true);
    refused(field("checkbox", null, null), "yes", "FORM-005");
    assertThat(FieldValues.parse(field("radio", null, List.of("true", "false")), "false")).isEqualTo(false);
    assertThat(FieldValues.parse(field("select", null, List.of("DIRECT", "MAIL")), "MAIL")).isEqualTo("MAIL");
    refused(field("select", null, List.of("DIRECT", "MAIL")), "PIGEON", "FORM-004");
    refused(field("select", null, List.of("DIRECT", "MAIL")), Map.of("a", 1), "FORM-004");
  }

  @Test
  void datesBecomeIsoDates() {
    FormSchema.Field date = field("datetime", null, null);
    assertThat(FieldValues.parse(date, "2026-11-29T08:00:00")).isEqualTo("2026-11-29");
    assertThat(FieldValues.parse(date, new Date(0))).isEqualTo(LocalDate.of(1970, 1, 1).toString());
    refused(date, "29/11/2026", "FORM-006");
    refused(date, 20261129, "FORM-006");
  }

  @Test
  void textFitsCamundasTextColumn() {
    FormSchema.Field text = field("textarea", 5000, null);
    assertThat(FieldValues.textLimit(text)).isEqualTo(4000);
    assertThat(FieldValues.parse(text, "字".repeat(4000))).isEqualTo("字".repeat(4000));
    refused(text, "字".repeat(4001), "FORM-008");
    refused(text, 12345, "FORM-007");
    refused(text, Map.of("段落", "事实"), "FORM-007");
    assertThat(FieldValues.parse(text, "")).isEqualTo("");
  }
}
