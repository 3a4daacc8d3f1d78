package cn.ecolaw.platform.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bad inputs of issue 3, as data: what a careless clerk, a broken client or an attacker sends. Each entry says
 * what the platform must answer (the refusal code); {@link BadInputCorpusTest} sends them to every write endpoint.
 */
final class BadInputCorpus {

  /** Markup, script and SQL fragments: must be refused in every free-text field (FORM-009). */
  static final List<String> SCRIPT_AND_SQL = List.of(
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(document.cookie)>",
      "javascript:alert(1)",
      "'; DROP TABLE case_file; --",
      "' OR '1'='1",
      "0 UNION SELECT password_ FROM act_id_user",
      "当事人称已整改<svg/onload=alert(1)>",
      "湖州公司'); delete from case_document where 1=1; --");

  /** Invisible control characters: NUL (PostgreSQL refuses it in text), bell, escape, right-to-left override. */
  static final List<String> CONTROL = List.of("含\u0000空字符", "响铃\u0007", "颜色\u001b[31m", "右至左\u202e覆盖");

  /** One bad value for one key of the input: the value (or {@link #ABSENT}), whether typed, and the expected code. */
  record Mutation(String key, String what, Object value, String type, String code) {

    static Mutation of(String key, String what, Object value, String code) {
      return new Mutation(key, what, value, null, code);
    }

    static Mutation typed(String key, String what, Object value, String type, String code) {
      return new Mutation(key, what, value, type, code);
    }

    boolean absent() {
      return value == ABSENT;
    }
  }

  /** Marks a key left out of the request. */
  static final Object ABSENT = new Object() {
    @Override
    public String toString() {
      return "(absent)";
    }
  };

  private BadInputCorpus() {}

  /** Bad start input (POST /api/cases and the start form): the key, the value and the expected code. */
  static List<Mutation> startMutations() {
    List<Mutation> m = new ArrayList<>();
    // missing required fields
    for (String key : List.of("partyName", "partyType", "partyId", "region", "domain", "clueSource", "facts",
        "violationType")) {
      m.add(Mutation.of(key, "missing", ABSENT, key.equals("violationType") ? "DISC-001" : "CASE-002"));
      m.add(Mutation.of(key, "blank", "  ", key.equals("violationType") ? "DISC-001" : "CASE-002"));
    }
    // wrong types
    m.add(Mutation.of("partyName", "number for text", 12345, "CASE-003"));
    m.add(Mutation.of("facts", "boolean for text", true, "CASE-003"));
    m.add(Mutation.of("exceedRatio", "text in a number field", "三成", "DISC-008"));
    m.add(Mutation.of("violationsIn2Years", "text in a number field", "两次", "DISC-008"));
    m.add(Mutation.of("durationDays", "date in a number field", "2026-11-22", "DISC-008"));
    m.add(Mutation.of("violationsIn2Years", "fraction for a count", 1.5, "DISC-008"));
    m.add(Mutation.of("sensitiveArea", "word in a yes/no field", "maybe", "DISC-008"));
    m.add(Mutation.of("durationDays", "negative duration", -3, "DISC-003"));
    m.add(Mutation.of("exceedRatio", "negative ratio", -0.2, "DISC-002"));
    m.add(Mutation.of("violationsIn2Years", "zero violations", 0, "DISC-004"));
    // over-long text
    m.add(Mutation.of("partyName", "201 characters", "湖".repeat(201), "CASE-005"));
    m.add(Mutation.of("region", "101 characters", "浙".repeat(101), "CASE-005"));
    m.add(Mutation.of("facts", "4001 characters (Camunda's string column holds 4000)", "超".repeat(4001), "CASE-005"));
    m.add(Mutation.of("partyAddress", "301 characters", "路".repeat(301), "CASE-005"));
    m.add(Mutation.of("legalRepresentative", "51 characters", "王".repeat(51), "CASE-005"));
    m.add(Mutation.of("partyId", "19 characters", "9133050".repeat(3).substring(0, 19), "CASE-005"));
    // script and SQL in every text field, control characters
    for (String key : List.of("partyName", "region", "facts", "partyAddress", "legalRepresentative")) {
      for (String s : SCRIPT_AND_SQL) {
        m.add(Mutation.of(key, "script/SQL " + s, s, "FORM-009"));
      }
      for (String s : CONTROL) {
        m.add(Mutation.of(key, "control character", s, "FORM-010"));
      }
    }
    // unknown codes
    m.add(Mutation.of("domain", "unknown code", "OCEAN", "CASE-006"));
    m.add(Mutation.of("domain", "lower-case code", "water", "CASE-006"));
    m.add(Mutation.of("clueSource", "unknown code", "RUMOUR", "CASE-006"));
    m.add(Mutation.of("partyType", "unknown code", "ALIEN", "CASE-006"));
    m.add(Mutation.of("violationType", "unknown code", "NOISE_AT_NIGHT", "DISC-001"));
    m.add(Mutation.of("domain", "SQL as a code", "WATER' OR '1'='1", "FORM-009"));
    // party identifiers
    m.add(Mutation.of("partyId", "wrong check digit", "91330502MA2B3C4D5X", "CASE-004"));
    m.add(Mutation.of("partyId", "citizen id for an enterprise", "330502199001011234", "CASE-004"));
    // forged case numbers: malformed, of another agency
    m.add(Mutation.of("caseNo", "malformed", "湖环罚2026-12号", "CASE-001"));
    m.add(Mutation.of("caseNo", "two-digit year", "湖环罚〔26〕12号", "CASE-001"));
    m.add(Mutation.of("caseNo", "serial 0", "湖环罚〔2026〕0号", "CASE-001"));
    m.add(Mutation.of("caseNo", "script in the number", "湖环罚〔2026〕12号<script>", "CASE-001"));
    m.add(Mutation.of("caseNo", "SQL in the number", "湖环罚〔2026〕12号' OR '1'='1", "CASE-001"));
    m.add(Mutation.of("caseNo", "another agency's prefix", "杭环罚〔2026〕12号", "CASE-008"));
    m.add(Mutation.of("caseNo", "another agency's prefix", "湖公罚〔2026〕12号", "CASE-008"));
    // issue 8: nested objects and lists, numbers no double holds, fields the start form does not have, dates
    m.add(Mutation.of("facts", "list for text", List.of("违法事实一", "违法事实二"), "CASE-010"));
    m.add(Mutation.of("partyName", "object for text", Map.of("名称", "湖州公司"), "CASE-010"));
    m.add(Mutation.of("exceedRatio", "object for a number", Map.of("比例", 0.3), "CASE-010"));
    m.add(Mutation.of("exceedRatio", "1e400 (beyond a double)", new java.math.BigDecimal("1e400"), "DISC-008"));
    m.add(Mutation.of("exceedRatio", "1e400 as text", "1e400", "DISC-008"));
    m.add(Mutation.of("totalInvestment", "a 400-digit integer", new java.math.BigInteger("9".repeat(400)), "DISC-008"));
    m.add(Mutation.of("proposedFine", "a fine at the start, and not a number", "abc", "CASE-009"));
    m.add(Mutation.of("legalReviewRequired", "a procedure flag only the platform sets", false, "CASE-009"));
    m.add(Mutation.of("caseOutcome", "an outcome only the platform sets", "PAID", "CASE-009"));
    m.add(Mutation.of("fineAmount", "an amount only the decision sets", 1, "CASE-009"));
    m.add(Mutation.of("caseNo", "the year 2099", "湖环罚〔2099〕12号", "CASE-011"));
    return m;
  }

  /** A deployed form's field as the corpus needs it. */
  record Field(String key, String label, String type, boolean required, Integer maxLength, Double min, Double max,
      List<String> values) {}

  /** The generic bad values of one form field, by its type; {@code present} tells whether the process already has it. */
  static List<Mutation> fieldMutations(Field f, boolean present) {
    List<Mutation> m = new ArrayList<>();
    if (f.required()) {
      m.add(Mutation.of(f.key(), "blank", "", "FORM-001"));
      if (!present) {
        m.add(Mutation.of(f.key(), "missing", ABSENT, "FORM-001"));
      }
    }
    switch (f.type()) {
      case "textfield", "textarea" -> {
        m.add(Mutation.typed(f.key(), "number for text", 12345, "Integer", "FORM-007"));
        m.add(Mutation.typed(f.key(), "boolean for text", true, "Boolean", "FORM-007"));
        m.add(Mutation.typed(f.key(), "JSON object for text", Map.of("段落", "违法事实"), "Json", "REQ-004"));
        m.add(Mutation.of(f.key(), "untyped object for text", Map.of("段落", "违法事实"), "FORM-007"));
        m.add(Mutation.typed(f.key(), "unknown type", "违法事实", "Shellcode", "REQ-004"));
        int limit = f.maxLength() == null ? 5000 : f.maxLength();
        m.add(Mutation.of(f.key(), (limit + 1) + " characters", "字".repeat(limit + 1), "FORM-008"));
        for (String s : SCRIPT_AND_SQL) {
          m.add(Mutation.of(f.key(), "script/SQL " + s, s, "FORM-009"));
        }
        for (String s : CONTROL) {
          m.add(Mutation.of(f.key(), "control character", s, "FORM-010"));
        }
      }
      case "number" -> {
        m.add(Mutation.of(f.key(), "text in a number field", "十二万", "FORM-002"));
        m.add(Mutation.of(f.key(), "date in a number field", "2026-11-22", "FORM-002"));
        m.add(Mutation.of(f.key(), "NaN", "NaN", "FORM-002"));
        m.add(Mutation.of(f.key(), "infinity", "1e400", "FORM-002"));
        m.add(Mutation.of(f.key(), "SQL in a number field", "1; DROP TABLE case_file", "FORM-002"));
        m.add(Mutation.typed(f.key(), "JSON object for a number", Map.of("元", 1), "Json", "REQ-004"));
        m.add(Mutation.of(f.key(), "untyped object for a number", Map.of("元", 1), "FORM-002"));
        if (f.min() != null) {
          m.add(Mutation.of(f.key(), "below the minimum", f.min() - 1, "FORM-003"));
        }
        if (f.max() != null) {
          m.add(Mutation.of(f.key(), "above the maximum", f.max() + 1, "FORM-003"));
        }
      }
      case "datetime" -> {
        m.add(Mutation.of(f.key(), "number for a date", 20261122, "FORM-006"));
        m.add(Mutation.of(f.key(), "untyped object for a date", Map.of("年", 2026), "FORM-006"));
        m.add(Mutation.of(f.key(), "impossible date", "2026-13-45", "FORM-006"));
        m.add(Mutation.of(f.key(), "words for a date", "明天", "FORM-006"));
        m.add(Mutation.of(f.key(), "slashed date", "2026/11/22", "FORM-006"));
        m.add(Mutation.of(f.key(), "script for a date", "<script>alert(1)</script>", "FORM-006"));
        // issue 8: outside the plausible window (DateWindow)
        m.add(Mutation.of(f.key(), "the year 9999", "9999-12-31", "DATE-001"));
        m.add(Mutation.of(f.key(), "the year 9999 as a timestamp", "9999-12-31T00:00:00", "DATE-001"));
        m.add(Mutation.of(f.key(), "before 2000", "1999-12-31", "DATE-001"));
      }
      case "radio", "select" -> {
        m.add(Mutation.of(f.key(), "unknown select value", "UNKNOWN_CODE", "FORM-004"));
        m.add(Mutation.of(f.key(), "Chinese word for a code", "是", "FORM-004"));
        m.add(Mutation.of(f.key(), "lower-case code", f.values().get(0).toLowerCase().equals(f.values().get(0))
            ? f.values().get(0).toUpperCase() : f.values().get(0).toLowerCase(), "FORM-004"));
        m.add(Mutation.of(f.key(), "SQL as a code", f.values().get(0) + "' OR '1'='1", "FORM-004"));
        m.add(Mutation.typed(f.key(), "number for a code", 1, "Integer", "FORM-004"));
      }
      case "checkbox" -> {
        m.add(Mutation.of(f.key(), "word in a yes/no field", "yes", "FORM-005"));
        m.add(Mutation.typed(f.key(), "number in a yes/no field", 1, "Integer", "FORM-005"));
      }
      default -> { }
    }
    return m;
  }

  static Map<String, Object> copy(Map<String, Object> m) {
    return new LinkedHashMap<>(m);
  }
}
