package cn.ecolaw.platform.enforcement;

import cn.ecolaw.platform.discretion.DiscretionRecord;
import cn.ecolaw.platform.shared.AgencyProperties;
import cn.ecolaw.platform.shared.Dates;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Assembles what a document template needs from the case's variables, its discretion record and the agency. */
@Component
public class CaseDocumentData {

  private final AgencyProperties agency;

  public CaseDocumentData(AgencyProperties agency) {
    this.agency = agency;
  }

  public Map<String, Object> of(Map<String, Object> variables, Optional<DiscretionRecord> discretion) {
    Map<String, Object> d = new HashMap<>(variables);
    d.put("agencyName", agency.name());
    d.put("agencyAddress", agency.address());
    d.put("agencyPhone", agency.phone());
    d.put("paymentPlace", agency.paymentPlace());
    d.put("reconsiderationBody", agency.reconsiderationBody());
    d.put("court", agency.court());
    d.put("issueDate", Dates.chinese(Dates.today()));
    d.put("partyTypeLabel", Vocabulary.label(Vocabulary.PARTY_TYPES, variables.get("partyType")));
    d.put("domainLabel", Vocabulary.label(Vocabulary.DOMAINS, variables.get("domain")));
    d.put("clueSourceLabel", Vocabulary.label(Vocabulary.CLUE_SOURCES, variables.get("clueSource")));
    d.put("violationTypeLabel", Vocabulary.label(Vocabulary.VIOLATION_TYPES, variables.get("violationType")));
    if (variables.get("violationConduct") != null) {
      d.put("violationTypeLabel", Vocabulary.label(Vocabulary.VIOLATION_CONDUCTS, variables.get("violationConduct")));
    }
    d.put("measure", measureText(variables));
    d.put("partyOpinion", partyOpinion(variables));
    d.put("serviceMethod", Vocabulary.label(Vocabulary.SERVICE_METHODS, variables.get("serviceMethod")));
    d.put("decisionNo", variables.get("caseNo"));
    d.put("hearingRightText", Boolean.TRUE.equals(variables.get("hearingRight"))
        ? "根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。如要求听证，应当在收到本告知书之日起五个工作日内向本机关提出，逾期视为放弃听证权利。"
        : "本案不属于《中华人民共和国行政处罚法》第六十三条规定的听证范围。");
    for (String key : new String[] {"clueDate", "filingDate", "noticeDate", "statementDue", "hearingDate",
        "decisionDate", "serviceDate", "paymentDue", "reconsiderationDue", "litigationDue", "reminderDate",
        "reminderServedDate", "reminderDue", "applicationDue", "reinspectionDate", "paidDate"}) {
      Object value = variables.get(key);
      if (value != null && !value.toString().isBlank()) {
        d.put(key, Dates.toLocalDate(value));
      }
    }
    d.put("decisionServedDate", d.get("serviceDate"));
    d.putIfAbsent("statementDeadline", d.get("statementDue"));
    d.putIfAbsent("paymentDeadline", d.get("paymentDue") != null ? d.get("paymentDue") : "收到本决定书之日起十五日内");
    if (d.get("reminderDue") != null) {
      d.putIfAbsent("reminderDeadline", d.get("reminderDue"));
    }
    discretion.ifPresent(r -> {
      d.put("discretionSummary", r.result().summary());
      d.put("discretionGrade", r.result().outcomeLabel());
      // APL 9: a discretion grade (从重/从轻) is not a kind of penalty; documents name the kind, 罚款.
      d.put("outcomeLabel", "NO_PENALTY".equals(r.result().outcome()) ? "不予行政处罚" : "罚款");
      // APL 59 (二)(三): the provision broken and the penalty provision are two items, never the same article.
      // "legalBasis" in a document is what the party broke (templates print it after 违反了); the penalty article
      // is "penaltyBasis".
      String violated = r.result().violatedProvision() != null ? r.result().violatedProvision()
          : (String) variables.get("violatedProvision");
      d.put("violatedProvision", violated);
      d.put("legalBasis", violated);
      d.put("penaltyBasis", r.result().legalBasis());
      if (r.deviationReason() != null) {
        d.put("deviationReason", r.deviationReason());
      }
    });
    return d;
  }

  /** APL 28: every penalty comes with the order to correct the violation, plus any measure taken. */
  private static String measureText(Map<String, Object> v) {
    String measure = String.valueOf(v.getOrDefault("measure", "NONE"));
    String text = "立即改正违法行为";
    return "NONE".equals(measure) ? text : text + "，并" + Vocabulary.label(Vocabulary.MEASURES, measure);
  }

  /** APL 45: what the party said and how the agency dealt with it. */
  private static String partyOpinion(Map<String, Object> v) {
    StringBuilder b = new StringBuilder();
    if (Boolean.TRUE.equals(v.get("statementSubmitted")) && v.get("statementSummary") != null) {
      b.append(v.get("statementSummary"));
    } else {
      b.append("你（单位）在法定期限内未提出陈述、申辩意见");
    }
    if (Boolean.TRUE.equals(v.get("hearingRequested")) && v.get("hearingSummary") != null) {
      b.append("；听证情况：").append(v.get("hearingSummary"));
    }
    if (v.get("reviewNote") != null) {
      b.append("。复核意见：").append(v.get("reviewNote"));
    }
    if (v.get("partyOpinion") != null) {
      b.append("。催告后当事人意见：").append(v.get("partyOpinion"));
    }
    return b.toString();
  }
}
