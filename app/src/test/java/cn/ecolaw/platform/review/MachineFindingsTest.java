package cn.ecolaw.platform.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.filecheck.Finding;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The city reviewer's pre-filled deductions: one line per sheet item within its points, veto findings only named,
 * findings of items the sheet does not have left out; the lines pass the scoring form's own parser unchanged.
 */
class MachineFindingsTest {

  static final ScoringSheet SHEET = new ScoringSheet(1, "测试", "system", Instant.now(), List.of(
      new SheetItem("VETO-04", ReviewStage.NOTICE_HEARING, "应当告知听证权利而未告知", BigDecimal.ZERO, true, 1),
      new SheetItem("DIS-02", ReviewStage.DISCRETION, "偏离裁量基准的写明理由", new BigDecimal("7"), false, 31),
      new SheetItem("SER-02", ReviewStage.SERVICE, "送达回证填写完整", new BigDecimal("4"), false, 61),
      new SheetItem("ARC-01", ReviewStage.ARCHIVING, "卷内文书齐全，排列有序", new BigDecimal("4"), false, 80)));

  static Finding missing(String title) {
    return new Finding("MISSING_DOCUMENT", "ARC-01", "卷内缺少" + title, "案卷中没有" + title, Finding.DEDUCT, 1);
  }

  @Test
  void findingsOfOneItemMakeOneLineWithinTheItemsPoints() {
    List<Finding> five = List.of(missing("甲"), missing("乙"), missing("丙"), missing("丁"), missing("戊"));

    String lines = MachineFindings.deductionLines(five, SHEET);

    assertThat(lines.lines().toList()).hasSize(1);
    assertThat(lines).startsWith("ARC-01 4 【机检】卷内缺少甲：案卷中没有甲；卷内缺少乙");
  }

  @Test
  void vetoFindingsAreNamedButNotPrefilledAndUnknownItemsAreLeftOut() {
    List<Finding> findings = List.of(
        new Finding("HEARING_RIGHT", "VETO-04", "应当告知听证权利而未告知", "罚款达到较大数额", Finding.VETO, 0),
        new Finding("SERVICE_RECEIPT", "SER-02", "送达无送达回证", "案卷中没有送达回证", Finding.DEDUCT, 2),
        new Finding("OFFICERS", "INV-01", "执法人员少于两人", "只记录了一人", Finding.DEDUCT, 4));

    Map<String, Object> v = MachineFindings.prefill(findings, SHEET);

    assertThat(v.get("cityDeductions")).isEqualTo("SER-02 2 【机检】送达无送达回证：案卷中没有送达回证");
    assertThat((String) v.get("machineFindings")).contains("VETO-04（一票否决）应当告知听证权利而未告知",
        "SER-02（扣分）送达无送达回证", "INV-01（扣分）执法人员少于两人");
    assertThat(v).doesNotContainKeys("cityVetoFailed", "cityVetoItems");
  }

  @Test
  void prefilledLinesAreAcceptedByTheScoringFormUnchanged() {
    List<Finding> findings = List.of(missing("催告书"),
        new Finding("DEVIATION", "DIS-02", "罚款偏离裁量基准未写明理由", "基准150,000元，拟处120,000元", Finding.DEDUCT, 4),
        new Finding("SERVICE_RECEIPT", "SER-02", "送达无送达回证", "案卷中没有送达回证", Finding.DEDUCT, 2));

    TierScore score = ScoreCardParser.parse(ReviewTier.CITY, SHEET, false, null,
        MachineFindings.deductionLines(findings, SHEET));

    assertThat(score.total()).isEqualByComparingTo("93");
    assertThat(score.deductions()).extracting(d -> d.item().itemCode()).containsExactly("ARC-01", "DIS-02", "SER-02");
  }

  @Test
  void aCleanFileIsSaidToBeClean() {
    assertThat(MachineFindings.prefill(List.of(), SHEET)).isEqualTo(Map.of("machineFindings", "机器检查未发现问题。"));
  }
}
