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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Gathers a case file's facts from the platform's records and runs the machine checks on them. */
@Service
public class FileCheckService {

  /** The finding's check name for a stored document the machine cannot read: the file is then reviewed by hand. */
  public static final String UNREADABLE = "UNREADABLE_DOCUMENT";

  private static final Logger LOG = LoggerFactory.getLogger(FileCheckService.class);

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
    List<DocumentType> unreadable = new ArrayList<>();
    List<Finding> findings = new ArrayList<>(checks.check(facts(caseNo, unreadable)));
    for (DocumentType type : unreadable) {
      findings.add(Finding.of(UNREADABLE, "ARC-01", type.title() + "无法读取",
          "卷内保存的" + type.title() + "（PDF）无法读取，其内容未经机器检查，请核对原件并重新归档", 1));
    }
    return findings;
  }

  public CaseFileFacts facts(String caseNo) {
    return facts(caseNo, new ArrayList<>());
  }

  /** The facts; a stored document whose PDF cannot be read is left unread and named in {@code unreadable}. */
  private CaseFileFacts facts(String caseNo, List<DocumentType> unreadable) {
    CaseFile file = cases.find(caseNo)
        .orElseThrow(() -> PlatformException.notFound("CASE-404", "案件不存在：" + caseNo));
    List<CaseFileFacts.Doc> docs = new ArrayList<>();
    List<GeneratedDocument> list = documents.list(caseNo);
    for (GeneratedDocument d : list) {
      boolean latestOfType = list.stream().noneMatch(o -> o.type() == d.type() && o.version() > d.version());
      String text = null;
      if (READ.contains(d.type()) && latestOfType) {
        text = text(documents.pdf(caseNo, d.id()));
        if (text == null) {
          unreadable.add(d.type());
        }
      }
      docs.add(new CaseFileFacts.Doc(d.type(), d.createdAt().atZone(Dates.ZONE).toLocalDate(), text));
    }
    return new CaseFileFacts(caseNo, file.partyType(), !CaseStatus.CLOSED.name().equals(file.status()),
        Dates.today(), variables.of(file.processInstanceId()), docs, discretion.latest(caseNo));
  }

  /** The PDF's text; null when the stored bytes are not a readable PDF (a damaged archive copy, not the user's fault). */
  static String text(byte[] pdf) {
    if (pdf == null || pdf.length == 0) {
      return null;
    }
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return new PDFTextStripper().getText(document);
    } catch (IOException e) {
      LOG.warn("卷内文书无法读取，机器检查跳过其内容：{}", e.getMessage());
      return null;
    }
  }
}
