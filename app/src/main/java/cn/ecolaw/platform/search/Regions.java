package cn.ecolaw.platform.search;

import java.util.Set;

/** Splits an administrative division (浙江省湖州市吴兴区) into province, city and county. */
final class Regions {

  private static final Set<String> MUNICIPALITIES = Set.of("北京市", "上海市", "天津市", "重庆市");

  private Regions() {}

  /** {province, city, county}; parts that the text does not name are null. */
  static String[] split(String region) {
    String[] out = new String[3];
    if (region == null || region.isBlank()) {
      return out;
    }
    String rest = region.strip();
    for (String m : MUNICIPALITIES) {
      if (rest.startsWith(m)) {
        out[0] = m;
        out[1] = m;
        rest = rest.substring(m.length());
        out[2] = rest.isEmpty() ? null : rest;
        return out;
      }
    }
    int p = end(rest, "自治区", "特别行政区", "省");
    if (p > 0) {
      out[0] = rest.substring(0, p);
      rest = rest.substring(p);
    }
    int c = end(rest, "自治州", "地区", "市", "盟");
    if (c < 0) {
      c = end(rest, "州"); // only when no other suffix: 湖州市 ends at 市, not at 州
    }
    if (c > 0) {
      out[1] = rest.substring(0, c);
      rest = rest.substring(c);
    }
    out[2] = rest.isEmpty() ? null : rest;
    return out;
  }

  private static int end(String s, String... suffixes) {
    int best = -1;
    for (String suffix : suffixes) {
      int i = s.indexOf(suffix);
      if (i > 0 && (best < 0 || i + suffix.length() < best)) {
        best = i + suffix.length();
      }
    }
    return best;
  }
}
