package cn.ecolaw.platform.caseview;

import cn.ecolaw.platform.cases.CaseFile;
import cn.ecolaw.platform.cases.CaseNumbers;
import cn.ecolaw.platform.cases.CaseViewed;
import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.shared.PlatformException;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The case API of DESIGN.md: read a case, list cases, start a case. */
@RestController
@RequestMapping("/api/cases")
public class CaseController {

  private final CaseQueryService query;
  private final CaseLauncher launcher;
  private final ApplicationEventPublisher events;

  public CaseController(CaseQueryService query, CaseLauncher launcher, ApplicationEventPublisher events) {
    this.query = query;
    this.launcher = launcher;
    this.events = events;
  }

  @GetMapping("/{caseNo}")
  public CaseView get(@PathVariable String caseNo) {
    if (!CaseNumbers.isWellFormed(caseNo)) {
      throw PlatformException.badRequest("CASE-001", "案号格式不正确，应如：湖环罚〔2026〕12号");
    }
    CaseView view = query.find(caseNo);
    events.publishEvent(new CaseViewed(view.caseNo(), view.processInstanceId()));
    return view;
  }

  @GetMapping
  public List<CaseFile> list(@RequestParam(defaultValue = "100") int limit) {
    return query.list(limit);
  }

  /** Starts an enforcement case; body: the start variables of DESIGN.md, optional {@code caseNo}. */
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  public CaseView start(@RequestBody Map<String, Object> body) {
    Object caseNo = body.get("caseNo");
    String started = launcher.start(caseNo == null ? null : caseNo.toString(), body);
    return query.find(started);
  }
}
