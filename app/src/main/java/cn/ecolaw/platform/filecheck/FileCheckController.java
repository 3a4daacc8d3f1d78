package cn.ecolaw.platform.filecheck;

import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/cases/{caseNo}/checks}: the machine findings on a case file, each with the scoring sheet item it
 * falls under. Who may see the case may see them (CaseAccessInterceptor: 404 CASE-404, 403 AUTH-003).
 */
@RestController
public class FileCheckController {

  private final FileCheckService service;

  public FileCheckController(FileCheckService service) {
    this.service = service;
  }

  @GetMapping("/api/cases/{caseNo}/checks")
  public List<FindingView> checks(@PathVariable String caseNo) {
    if (!CaseNumbers.isWellFormed(caseNo)) {
      throw PlatformException.badRequest("CASE-001", "案号格式不正确，应如：湖环罚〔2026〕12号");
    }
    return service.check(caseNo).stream().map(FindingView::of).toList();
  }

  /** One finding as the API shows it. */
  public record FindingView(String item, String title, String detail, String severity, String severityLabel,
      double suggestedPoints, String check) {
    static FindingView of(Finding f) {
      return new FindingView(f.item(), f.title(), f.detail(), f.severity(), f.severityLabel(), f.suggestedPoints(),
          f.check());
    }
  }
}
