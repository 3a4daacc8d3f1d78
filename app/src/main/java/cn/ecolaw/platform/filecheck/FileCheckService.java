package cn.ecolaw.platform.filecheck;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseFileRepository;
import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.discretion.PenaltyDiscretionService;
import cn.ecolaw.platform.documents.DocumentService;
import cn.ecolaw.platform.documents.DocumentType;
import cn.ecolaw.platform.documents.GeneratedDocument;
import cn.ecolaw.platform.shared.Dates;
import cn.ecolaw.platform.shared.PlatformException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.springframework.stereotype.Service;

/** Gathers a case file's facts from the platform's records and runs the machine checks on them. */
@Service
public class FileCheckService {

  /** The documents whose wording is checked (read back from their PDFs). */
  static final Set<DocumentType> READ = Set.of(DocumentType.PENALTY_DECISION, DocumentType.PRIOR_NOTICE);

  private final CaseFileRepository cases;
  private final CaseVariables variables;
  private final DocumentService documents;
  private final PenaltyDiscretionService discretion;
  private final FileChecks checks;

  public FileCheckService(CaseFileRepository cases, CaseVariables variables, DocumentService documents,
      PenaltyDiscretionService discretion, FileChecks checks) {
    this.cases = cases;
    this.variables = variables;
    this.documents = documents;
    this.discretion = discretion;
    this.checks = checks;
  }

  /** The findings on the file of an enforcement case; CASE-404 when there is no such case. */
  public List<Finding> check(String caseNo) {
    return checks.check(facts(caseNo));
  }

  public CaseFileFacts facts(String caseNo) {
    CaseFile file = cases.find(caseNo)
        .orElseThrow(() -> PlatformException.notFound("CASE-404", "案件不存在：" + caseNo));
    List<CaseFileFacts.Doc> docs = new ArrayList<>();
    List<GeneratedDocument> list = documents.list(caseNo);
    for (GeneratedDocument d : list) {
      boolean latestOfType = list.stream().noneMatch(o -> o.type() == d.type() && o.version() > d.version());
      String text = READ.contains(d.type()) && latestOfType ? text(documents.pdf(caseNo, d.id())) : null;
      docs.add(new CaseFileFacts.Doc(d.type(), d.createdAt().atZone(Dates.ZONE).toLocalDate(), text));
    }
    return new CaseFileFacts(caseNo, file.partyType(), !CaseStatus.CLOSED.name().equals(file.status()),
        Dates.today(), variables.of(file.processInstanceId()), docs, discretion.latest(caseNo));
  }

  static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      throw new PlatformException(500, "CHECK-500", "文书无法读取，机器检查未完成：" + e.getMessage());
    }
  }
}
