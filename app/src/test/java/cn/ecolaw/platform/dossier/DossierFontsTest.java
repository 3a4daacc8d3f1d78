package cn.ecolaw.platform.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.documents.DocumentFonts;
import cn.ecolaw.platform.documents.DocumentTestAccess;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The dossier's own pages (cover, contents, sections, back page, page numbers) are drawn with the pooled parsed
 * fonts the documents use, given back once the dossier is saved: building dossiers parses no font again (before,
 * every dossier parsed the three CJK/Latin font files afresh, a sixth of the platform's CPU per case).
 */
@PlatformTest
class DossierFontsTest {

  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DossierService dossiers;
  @Autowired DocumentFonts fonts;
  @Autowired DossierSources sources;

  @Test
  void dossiersAreDrawnWithThePooledFontsAndParseNoFontAgain() throws Exception {
    // given a case with documents and a first dossier built (the pool holds parsed fonts)
    String caseNo = new ClosedCases(launcher, runtime, tasks).served(TestCases.enterpriseWater(), "张伟、刘明");
    dossiers.current(caseNo);
    int parses = DocumentTestAccess.fontParses(fonts);

    // when more dossiers are built
    byte[] pdf = null;
    for (int i = 0; i < 3; i++) {
      pdf = dossiers.current(caseNo).pdf();
    }

    // then no font file was parsed again, and the dossier is still a sound PDF with its text
    assertThat(DocumentTestAccess.fontParses(fonts)).isEqualTo(parses);
    assertThat(DocumentTestAccess.problems(pdf)).isEmpty();
    assertThat(DocumentTestAccess.pdfText(pdf)).contains("卷内目录", caseNo.replaceAll("\\s", ""));
  }

  @Test
  void aDossierDrawnWithPooledFontsReadsAsOneDrawnWithFreshOnes() throws Exception {
    // given the contents of a case
    String caseNo = new ClosedCases(launcher, runtime, tasks).served(TestCases.enterpriseWater(), "王强、赵敏");
    DossierContent content = sources.gather(caseNo);
    DossierPdf.Edition edition = new DossierPdf.Edition(null, null, java.time.LocalDate.of(2026, 11, 29));

    // when it is built with fresh fonts (as before) and with pooled ones
    DossierPdf.Built fresh = new DossierPdf(fonts, false).build(content, edition);
    DossierPdf.Built pooled = new DossierPdf(fonts, true).build(content, edition);

    // then the same pages, contents and text, and a sound PDF
    assertThat(pooled.pages()).isEqualTo(fresh.pages());
    assertThat(pooled.contents()).isEqualTo(fresh.contents());
    assertThat(DocumentTestAccess.pdfText(pooled.pdf())).isEqualTo(DocumentTestAccess.pdfText(fresh.pdf()));
    assertThat(DocumentTestAccess.problems(pooled.pdf())).isEmpty();
  }
}
