package cn.ecolaw.platform.search;

import cn.ecolaw.platform.cases.CaseStatus;
import cn.ecolaw.platform.enforcement.Vocabulary;
import cn.ecolaw.platform.shared.PlatformException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parameters of {@code GET /api/search}, checked: bad input is a 400 with a code and a Chinese message, before
 * anything is asked of Elasticsearch.
 */
public record SearchQuery(String q, String domain, String region, String status, String process, LocalDate from,
    LocalDate to, int page, int size) {

  public static final int MAX_QUERY = 100;
  public static final int MAX_SIZE = 100;
  public static final int MAX_WINDOW = 10_000;
  static final Set<String> STATUSES = statuses();

  public static SearchQuery of(String q, String domain, String region, String status, String process, String from,
      String to, String page, String size) {
    String text = q == null ? null : q.strip();
    if (text != null && text.length() > MAX_QUERY) {
      throw PlatformException.badRequest("SEARCH-001", "检索词过长：最多" + MAX_QUERY + "个字");
    }
    if (text != null && text.chars().anyMatch(c -> Character.isISOControl(c))) {
      throw PlatformException.badRequest("SEARCH-001", "检索词含有控制字符，请只输入文字");
    }
    String d = blankToNull(domain);
    if (d != null && !Vocabulary.DOMAINS.containsKey(d)) {
      throw PlatformException.badRequest("SEARCH-002",
          "领域不正确：" + d + "；可选：" + String.join("、", Vocabulary.DOMAINS.keySet()));
    }
    String r = blankToNull(region);
    if (r != null && r.length() > 50) {
      throw PlatformException.badRequest("SEARCH-003", "地区名称过长：最多50个字，如：浙江省湖州市吴兴区");
    }
    String s = blankToNull(status);
    if (s != null && !STATUSES.contains(s)) {
      throw PlatformException.badRequest("SEARCH-004", "案件状态不正确：" + s + "；可选：" + String.join("、", STATUSES));
    }
    String p = blankToNull(process);
    if (p != null && !CaseDocuments.PROCESS_LABELS.containsKey(p)) {
      throw PlatformException.badRequest("SEARCH-005", "流程不正确：" + p + "；可选：" + String.join("、",
          new TreeSet<>(CaseDocuments.PROCESS_LABELS.keySet())));
    }
    LocalDate f = date(from, "起始日期（from）");
    LocalDate t = date(to, "截止日期（to）");
    if (f != null && t != null && f.isAfter(t)) {
      throw PlatformException.badRequest("SEARCH-007", "起始日期" + f + "晚于截止日期" + t);
    }
    int pg = number(page, 1, "页码（page）");
    int sz = number(size, 20, "每页条数（size）");
    if (pg < 1) {
      throw PlatformException.badRequest("SEARCH-008", "页码（page）从1开始");
    }
    if (sz < 1 || sz > MAX_SIZE) {
      throw PlatformException.badRequest("SEARCH-008", "每页条数（size）应在1到" + MAX_SIZE + "之间");
    }
    if ((long) pg * sz > MAX_WINDOW) {
      throw PlatformException.badRequest("SEARCH-008", "最多可翻阅前" + MAX_WINDOW + "条结果，请缩小检索范围");
    }
    return new SearchQuery(text == null || text.isEmpty() ? null : text, d, r, s, p, f, t, pg, sz);
  }

  private static LocalDate date(String value, String what) {
    String v = blankToNull(value);
    if (v == null) {
      return null;
    }
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw PlatformException.badRequest("SEARCH-006", what + "格式不正确：" + v + "，应为YYYY-MM-DD，如2026-03-01");
    }
  }

  private static int number(String value, int fallback, String what) {
    String v = blankToNull(value);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw PlatformException.badRequest("SEARCH-008", what + "应为整数：" + v);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static Set<String> statuses() {
    Set<String> s = new TreeSet<>();
    for (CaseStatus c : CaseStatus.values()) {
      s.add(c.name());
    }
    s.add("ACTIVE");
    s.add("COMPLETED");
    s.add("TERMINATED");
    return s;
  }
}
