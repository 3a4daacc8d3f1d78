package cn.ecolaw.platform.appraisal;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/cases/{caseNo}/appraisals}: a court or the bureau asks for an appraisal in a case. */
@RestController
public class AppraisalController {

  private final Appraisals appraisals;

  public AppraisalController(Appraisals appraisals) {
    this.appraisals = appraisals;
  }

  /** Body: requestedBy, category, matter, parties, estimatedAmount, simpleCase, methodExists, tooSlowOrCostly. */
  @PostMapping("/api/cases/{caseNo}/appraisals")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, String> request(@PathVariable String caseNo, @RequestBody AppraisalBody body) {
    String no = appraisals.request(new AppraisalRequest(caseNo, body.requestedBy(), body.category(), body.matter(),
        body.parties(), body.estimatedAmount(), body.simpleCase(), body.methodExists(), body.tooSlowOrCostly()));
    return Map.of("appraisalNo", no, "caseNo", caseNo);
  }

  public record AppraisalBody(String requestedBy, String category, String matter, String parties,
      Double estimatedAmount, Boolean simpleCase, Boolean methodExists, Boolean tooSlowOrCostly) {}
}
