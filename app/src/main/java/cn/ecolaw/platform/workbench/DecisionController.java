package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.shared.PlatformException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The decision workbench's API, for the page /ui/workbench/ and for scripts. Published decisions are read by
 * everyone; drafts, suites' changes, tests, what-ifs and publishing are the policy analysts' (403 WB-006).
 */
@RestController
@RequestMapping("/api/decisions")
public class DecisionController {

  private final DecisionWorkbench workbench;

  public DecisionController(DecisionWorkbench workbench) {
    this.workbench = workbench;
  }

  @GetMapping
  public List<PublishedDecision> decisions() {
    return workbench.list();
  }

  @GetMapping("/{key}")
  public Map<String, Object> decision(@PathVariable String key) {
    return workbench.get(key);
  }

  @GetMapping("/{key}/drafts")
  public List<Map<String, Object>> drafts(@PathVariable String key) {
    return workbench.drafts(key).stream().map(d -> view(d, false)).toList();
  }

  /** A draft from JSON {@code {"xml": "<definitions…>", "reason": "…"}}. */
  @PostMapping(value = "/{key}/drafts", consumes = MediaType.APPLICATION_JSON_VALUE)
  public ResponseEntity<Map<String, Object>> createDraft(@PathVariable String key,
      @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body == null ? Map.of() : body;
    return ResponseEntity.status(201).body(view(workbench.createDraft(key, text(b.get("xml"), "xml"),
        text(b.get("reason"), "reason")), false));
  }

  /** A draft from the DMN file itself ({@code Content-Type: application/xml}), the reason as a parameter. */
  @PostMapping(value = "/{key}/drafts", consumes = {MediaType.APPLICATION_XML_VALUE, MediaType.TEXT_XML_VALUE})
  public ResponseEntity<Map<String, Object>> createDraftFromXml(@PathVariable String key,
      @RequestParam(required = false) String reason, @RequestBody(required = false) String xml) {
    return ResponseEntity.status(201).body(view(workbench.createDraft(key, xml, reason), false));
  }

  @GetMapping("/drafts/{id}")
  public Map<String, Object> draft(@PathVariable long id) {
    return view(workbench.draft(id), true);
  }

  @GetMapping("/drafts/{id}/diff")
  public DecisionDiff.Result diff(@PathVariable long id) {
    return workbench.diff(id);
  }

  @GetMapping("/{key}/suites")
  public TestSuite suite(@PathVariable String key) {
    return workbench.suite(key);
  }

  @PutMapping("/{key}/suites")
  public TestSuite saveSuite(@PathVariable String key, @RequestBody(required = false) TestSuite suite) {
    return workbench.saveSuite(key, suite);
  }

  @PostMapping("/drafts/{id}/test")
  public GuardRails.Report test(@PathVariable long id) {
    return workbench.test(id);
  }

  @PostMapping("/drafts/{id}/what-if")
  public WhatIf.Result whatIf(@PathVariable long id, @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body == null ? Map.of() : body;
    return workbench.whatIf(id, new WhatIf.Filter(date(b.get("from"), "from"), date(b.get("to"), "to"),
        text(b.get("region"), "region"), text(b.get("violationType"), "violationType")));
  }

  /**
   * Publishes the draft: 201 with the new version, or 422 WB-020 listing each failed guard rail (code, Chinese
   * name, how many inputs broke it, examples); nothing is deployed then.
   */
  @PostMapping("/drafts/{id}/publish")
  public ResponseEntity<Map<String, Object>> publish(@PathVariable long id,
      @RequestBody(required = false) Map<String, Object> body) {
    Map<String, Object> b = body == null ? Map.of() : body;
    DecisionWorkbench.Publication p = workbench.publish(id, text(b.get("reason"), "reason"),
        text(b.get("versionTag"), "versionTag"));
    Map<String, Object> answer = new LinkedHashMap<>();
    if (!p.published()) {
      List<GuardRails.Guard> failed = p.guards().guards().stream().filter(g -> !g.passed()).toList();
      answer.put("code", "WB-020");
      answer.put("message", "草稿未通过发布前检查，不能发布：" + String.join("；",
          failed.stream().map(g -> "【" + g.code() + "】" + g.name() + "（" + g.violations() + "处）").toList()));
      answer.put("guards", failed);
      return ResponseEntity.status(422).contentType(MediaType.APPLICATION_JSON).body(answer);
    }
    answer.put("draft", view(p.draft(), false));
    answer.put("decisionKey", p.draft().decisionKey());
    answer.put("version", p.version());
    answer.put("versionTag", p.versionTag());
    answer.put("deploymentId", p.deploymentId());
    answer.put("whatIf", p.whatIf());
    return ResponseEntity.status(201).body(answer);
  }

  private static Map<String, Object> view(DecisionDraft d, boolean withXml) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("id", d.id());
    v.put("decisionKey", d.decisionKey());
    v.put("status", d.status());
    v.put("baseVersion", d.baseVersion());
    v.put("baseVersionTag", d.baseVersionTag());
    v.put("createdBy", d.createdBy());
    v.put("createdAt", d.createdAt());
    v.put("reason", d.reason());
    v.put("publishedBy", d.publishedBy());
    v.put("publishedAt", d.publishedAt());
    v.put("publishReason", d.publishReason());
    v.put("versionTag", d.versionTag());
    v.put("deploymentId", d.deploymentId());
    if (withXml) {
      v.put("xml", d.xml());
    }
    return v;
  }

  private static String text(Object value, String field) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw PlatformException.badRequest("WB-013", "“" + field + "”须是文字");
    }
    return s;
  }

  private static LocalDate date(Object value, String field) {
    String s = text(value, field);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(s.trim());
    } catch (DateTimeParseException e) {
      throw PlatformException.badRequest("WB-011", "“" + field + "”须是 yyyy-MM-dd 格式的日期：" + s);
    }
  }
}
