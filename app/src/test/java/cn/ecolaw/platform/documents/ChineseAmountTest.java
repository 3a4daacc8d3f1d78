package cn.ecolaw.platform.documents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseAmountTest {

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource({
      "0, 零元整",
      "0.5, 伍角",
      "0.05, 伍分",
      "0.55, 伍角伍分",
      "1, 壹元整",
      "10, 壹拾元整",
      "10.5, 壹拾元伍角",
      "101, 壹佰零壹元整",
      "1010, 壹仟零壹拾元整",
      "1680.32, 壹仟陆佰捌拾元叁角贰分",
      "100000, 壹拾万元整",
      "150000, 壹拾伍万元整",
      "150000.50, 壹拾伍万元伍角",
      "150000.05, 壹拾伍万元零伍分",
      "200000, 贰拾万元整",
      "1000001, 壹佰万零壹元整",
      "1000000, 壹佰万元整",
      "1001000, 壹佰万零壹仟元整",
      "10010000, 壹仟零壹万元整",
      "100000000, 壹亿元整",
      "100010000, 壹亿零壹万元整",
      "123456789.12, 壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分",
      "67500, 陆万柒仟伍佰元整",
      "0.004, 零元整",
      "0.005, 壹分",
  })
  void capitals(String amount, String expected) {
    assertThat(ChineseAmount.toCapital(new BigDecimal(amount))).isEqualTo(expected);
  }

  @Test
  void fullTextCarriesFiguresWithSeparators() {
    assertThat(ChineseAmount.toText(new BigDecimal("150000"))).isEqualTo("人民币壹拾伍万元整（¥150,000.00）");
    assertThat(ChineseAmount.toText(new BigDecimal("1234.5"))).isEqualTo("人民币壹仟贰佰叁拾肆元伍角（¥1,234.50）");
  }

  @Test
  void negativeAndMissingAmounts() {
    assertThat(ChineseAmount.toCapital(new BigDecimal("-3"))).isEqualTo("负叁元整");
    assertThatThrownBy(() -> ChineseAmount.toCapital(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
