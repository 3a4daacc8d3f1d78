package cn.ecolaw.platform.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.documents.DocumentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The evidence list read from the investigation form, the archive order of documents, the verification code. */
class DossierSourcesTest {

  @Test
  void evidenceLinesGiveNameSourceAndWhatTheyProve() {
    var list = DossierSources.evidence(Map.of("officers", "张伟、刘明", "evidence",
        "1. 现场检查笔录\n废水监测报告；湖州市环境监测中心站；化学需氧量超标30%\n\n营业执照复印件|当事人提供"));

    assertThat(list).hasSize(3);
    assertThat(list.get(0)).isEqualTo(new DossierContent.Evidence("现场检查笔录", "本机关执法人员张伟、刘明调查收集",
        "现场检查情况及违法行为事实"));
    assertThat(list.get(1)).isEqualTo(new DossierContent.Evidence("废水监测报告", "湖州市环境监测中心站", "化学需氧量超标30%"));
    assertThat(list.get(2)).isEqualTo(new DossierContent.Evidence("营业执照复印件", "当事人提供", "当事人的主体资格"));
  }

  @Test
  void noEvidenceRecordedGivesAnEmptyList() {
    assertThat(DossierSources.evidence(Map.of())).isEmpty();
  }

  @Test
  void documentsFollowTheProcedureAndReviewSheetsAreNotPartOfTheFile() {
    DocumentType[] procedure = {DocumentType.FILING_APPROVAL, DocumentType.PRIOR_NOTICE, DocumentType.HEARING_NOTICE,
        DocumentType.PENALTY_DECISION, DocumentType.CORRECTION_ORDER, DocumentType.SERVICE_RECEIPT,
        DocumentType.DAILY_PENALTY_NOTICE, DocumentType.DAILY_PENALTY_DECISION, DocumentType.REMINDER,
        DocumentType.ENFORCEMENT_APPLICATION, DocumentType.ACCEPTANCE_NOTICE, DocumentType.ENFORCEMENT_GRANTED_RULING};
    for (int i = 1; i < procedure.length; i++) {
      assertThat(DossierSources.RANK.get(procedure[i])).as(procedure[i].title())
          .isGreaterThan(DossierSources.RANK.get(procedure[i - 1]));
    }
    assertThat(DossierSources.RANK.get(DocumentType.FILING_APPROVAL)).isLessThan(DossierSources.EVIDENCE_RANK);
    assertThat(DossierSources.RANK.get(DocumentType.PRIOR_NOTICE)).isGreaterThan(DossierSources.DISCRETION_RANK);
    assertThat(DossierSources.RANK).doesNotContainKeys(DocumentType.REVIEW_SHEET, DocumentType.RECTIFICATION_NOTICE);
  }

  @Test
  void verificationCodeIsTheFirst64BitsOfTheLastMacInDecimal() {
    assertThat(DossierSources.code("0000000000000001" + "ff".repeat(24))).isEqualTo("0000-0000-0000-0000-0001");
    assertThat(DossierSources.code("ffffffffffffffff" + "00".repeat(24))).isEqualTo("1844-6744-0737-0955-1615");
    assertThat(DossierSources.code(null)).isEqualTo("—");
  }
}
