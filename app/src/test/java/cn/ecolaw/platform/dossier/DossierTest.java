package cn.ecolaw.platform.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.PlatformTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@PlatformTest
class DossierTest {

  @Autowired CaseLauncher launcher;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired DossierService dossiers;

  @Test
  void closingACaseArchivesItsDossier() throws Exception {
    String caseNo = new ClosedCases(launcher, runtime, tasks).paid();

    List<DossierVersion> versions = dossiers.versions(caseNo);
    assertThat(versions).hasSize(1);
    byte[] pdf = dossiers.current(caseNo).pdf();
    Files.createDirectories(Path.of("target/dossier"));
    Files.write(Path.of("target/dossier/paid.pdf"), pdf);
    try (PDDocument d = Loader.loadPDF(pdf)) {
      System.out.println(new PDFTextStripper().getText(d));
    }
  }
}
