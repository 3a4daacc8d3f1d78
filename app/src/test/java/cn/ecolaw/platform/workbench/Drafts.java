package cn.ecolaw.platform.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformHttp;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Crafts drafts from the published DMN file: one cell's text replaced, found by the cell's (entry's) id. */
final class Drafts {

  private Drafts() {}

  static String published(PlatformHttp http, String key) {
    return http.getOk("/api/decisions/" + key).get("xml").asText();
  }

  /** The file with the text of the input or output entry {@code entryId} replaced (XML-escaped as given). */
  static String withCell(String xml, String entryId, String text) {
    Pattern p = Pattern.compile("(<(?:inputEntry|outputEntry) id=\"" + Pattern.quote(entryId)
        + "\"[^>]*>\\s*<text>)(.*?)(</text>)", Pattern.DOTALL);
    Matcher m = p.matcher(xml);
    assertThat(m.find()).as("cell %s", entryId).isTrue();
    return xml.substring(0, m.start(2)) + text + xml.substring(m.end(2));
  }

  /** The file with the annotation (description) of rule {@code ruleId} replaced: no change in what it decides. */
  static String withAnnotation(String xml, String ruleId, String text) {
    Pattern p = Pattern.compile("(<rule id=\"" + Pattern.quote(ruleId) + "\">\\s*<description>)(.*?)(</description>)",
        Pattern.DOTALL);
    Matcher m = p.matcher(xml);
    assertThat(m.find()).as("rule %s", ruleId).isTrue();
    return xml.substring(0, m.start(2)) + text + xml.substring(m.end(2));
  }

  /** Saves the draft as {@code user}; answers the draft's id. */
  static long save(PlatformHttp http, String key, String xml, String reason) {
    PlatformHttp.Response r = http.post("/api/decisions/" + key + "/drafts", Map.of("xml", xml, "reason", reason));
    assertThat(r.status()).as(r.text()).isEqualTo(201);
    return r.json().get("id").asLong();
  }
}
