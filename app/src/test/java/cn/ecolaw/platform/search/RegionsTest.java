package cn.ecolaw.platform.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegionsTest {

  @Test
  void aCountyOfAProvinceSplitsIntoItsThreeLevels() {
    assertThat(Regions.split("浙江省湖州市吴兴区")).containsExactly("浙江省", "湖州市", "吴兴区");
    assertThat(Regions.split("浙江省湖州市")).containsExactly("浙江省", "湖州市", null);
  }

  @Test
  void aMunicipalityIsItsOwnCity() {
    assertThat(Regions.split("上海市浦东新区")).containsExactly("上海市", "上海市", "浦东新区");
  }

  @Test
  void anAutonomousRegionAndPrefectureAreRecognised() {
    assertThat(Regions.split("新疆维吾尔自治区伊犁哈萨克自治州伊宁市")).containsExactly("新疆维吾尔自治区", "伊犁哈萨克自治州", "伊宁市");
  }

  @Test
  void nothingGivenIsNothingSplit() {
    assertThat(Regions.split(null)).containsExactly(null, null, null);
  }
}
