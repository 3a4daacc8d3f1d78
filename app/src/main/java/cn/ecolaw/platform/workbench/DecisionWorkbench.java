package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.audit.AuditAction;
import cn.ecolaw.platform.audit.TrailRecorder;
import cn.ecolaw.platform.engine.DecisionEngines;
import cn.ecolaw.platform.identity.AccessProperties;
import cn.ecolaw.platform.identity.Caller;
import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.PlatformCall;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy analysts' decision workbench: drafts of a decision file (who, when, why), never deployed until
 * published; the diff with the published version; the test suite; the guard rails; the what-if over past cases;
 * publishing as a new Camunda deployment with a version tag, through the engine's deployment guards (FEEL only),
 * with the reason and the what-if summary in the decision's trail (chain {@code 决策:<key>}).
 *
 * <p>Only the decision groups ({@code platform.access.decision-groups}, the policy analysts) draft, test, replay and
 * publish (403 WB-006); everyone reads the published tables.
 */
@Service
public class DecisionWorkbench {

  public static final String TRAIL_PREFIX = "决策:";
  static final int MAX_XML = 2_000_000;
  static final int MAX_REASON = 2000;
  private static final Pattern VERSION_TAG = Pattern.compile("[0-9A-Za-z][0-9A-Za-z._-]{0,63}");
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private final PublishedDecisions published;
  private final DraftRepository drafts;
  private final TestSuites suites;
  private final WhatIf whatIf;
  private final DecisionEngines engines;
  private final RepositoryService repository;
  private final Caller caller;
  private final AccessProperties access;
  private final TrailRecorder trail;

  public DecisionWorkbench(PublishedDecisions published, DraftRepository drafts, TestSuites suites, WhatIf whatIf,
      DecisionEngines engines, RepositoryService repository, Caller caller, AccessProperties access,
      TrailRecorder trail) {
    this.published = published;
    this.drafts = drafts;
    this.suites = suites;
    this.whatIf = whatIf;
    this.engines = engines;
    this.repository = repository;
    this.caller = caller;
    this.access = access;
    this.trail = trail;
  }

  // ------------------------------------------------------------------------------------------------ published

  public List<PublishedDecision> list() {
    return published.list();
  }

  public Map<String, Object> get(String key) {
    PublishedDecision d = published.get(key);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("decision", d);
    body.put("xml", published.xml(d));
    body.put("versionTag", d.versionTag());
    body.put("version", d.version());
    body.put("analyst", isAnalyst());
    return body;
  }

  public TestSuite suite(String key) {
    published.get(key);
    return suites.get(key);
  }

  // ------------------------------------------------------------------------------------------------ drafts

  @Transactional
  public DecisionDraft createDraft(String key, String xml, String reason) {
    requireAnalyst();
    PublishedDecision base = published.get(key);
    String why = reason(reason, "保存草稿");
    if (xml == null || xml.isBlank()) {
      throw PlatformException.badRequest("WB-001", "草稿须包含决策文件（DMN XML）");
    }
    if (xml.length() > MAX_XML) {
      throw PlatformException.badRequest("WB-001", "决策文件超过" + MAX_XML / 1_000_000 + "百万字");
    }
    boolean hasKey = withDraft(xml, model -> model.has(key));
    if (!hasKey) {
      throw PlatformException.badRequest("WB-002", "草稿中没有决策“" + key + "”（决策的编号不能修改）");
    }
    feelOnly(base.resourceName(), xml);
    String user = caller.userId();
    DecisionDraft draft = drafts.insert(key, xml, base, user, why, Instant.now());
    record(key, AuditAction.DECISION_DRAFTED, "草稿" + draft.id() + "（基于 v" + base.version() + "）",
        Map.of("draftId", draft.id(), "reason", why, "baseVersion", base.version()));
    return draft;
  }

  public DecisionDraft draft(long id) {
    requireAnalyst();
    return drafts.find(id).orElseThrow(() -> PlatformException.notFound("WB-005", "草稿" + id + "不存在"));
  }

  public List<DecisionDraft> drafts(String key) {
    requireAnalyst();
    published.get(key);
    return drafts.drafts(key);
  }

  public DecisionDiff.Result diff(long id) {
    DecisionDraft draft = draft(id);
    return DecisionDiff.between(baseXml(draft), draft.xml());
  }

  @Transactional
  public TestSuite saveSuite(String key, TestSuite suite) {
    requireAnalyst();
    published.get(key);
    return suites.save(key, suite, caller.userId());
  }

  /** Runs the suite and every guard rail on the draft. */
  public GuardRails.Report test(long id) {
    DecisionDraft draft = draft(id);
    return withDraft(draft.xml(), model -> check(draft, model));
  }

  public WhatIf.Result whatIf(long id, WhatIf.Filter filter) {
    DecisionDraft draft = draft(id);
    return withDraft(draft.xml(), model -> whatIf.replay(model, filter == null ? WhatIf.Filter.none() : filter));
  }

  /** The outcome of a publication: published, or refused by the guard rails (422). */
  public record Publication(boolean published, DecisionDraft draft, String versionTag, String deploymentId,
      int version, GuardRails.Report guards, String whatIf) {}

  @Transactional
  public Publication publish(long id, String reason, String versionTag) {
    DecisionDraft draft = draft(id);
    String why = reason(reason, "发布");
    if (draft.published()) {
      throw PlatformException.conflict("WB-007", "草稿" + id + "已于" + draft.publishedAt() + "发布，不能再次发布");
    }
    PublishedDecision base = published.get(draft.decisionKey());
    if (base.version() != draft.baseVersion()) {
      throw PlatformException.conflict("WB-008", "草稿基于 v" + draft.baseVersion() + "，而现已发布 v" + base.version()
          + "；请在最新版本上重新起草");
    }
    String tag = versionTag == null || versionTag.isBlank() ? defaultTag(draft) : versionTag.trim();
    if (!VERSION_TAG.matcher(tag).matches()) {
      throw PlatformException.badRequest("WB-009", "版本标签只能由字母、数字、点、连字符和下划线组成（不超过64个字符）：" + tag);
    }
    String[] whatIfSummary = new String[1];
    GuardRails.Report report = withDraft(draft.xml(), model -> {
      GuardRails.Report r = check(draft, model);
      if (r.passed()) {
        whatIfSummary[0] = model.has(cn.ecolaw.platform.discretion.PenaltyDiscretionService.DECISION_KEY)
            ? whatIf.replay(model, WhatIf.Filter.none()).summary() : "不适用（非裁量基准，无案件回放）";
      }
      return r;
    });
    if (!report.passed()) {
      return new Publication(false, draft, tag, null, 0, report, null);
    }
    String xml = withVersionTag(draft.xml(), tag);
    Deployment deployment = PlatformCall.run(() -> repository.createDeployment()
        .name("workbench:" + draft.decisionKey())
        .source("decision-workbench")
        .addString(base.resourceName(), xml)
        .deploy());
    PublishedDecision now = published.get(draft.decisionKey());
    String user = caller.userId();
    if (!drafts.markPublished(id, user, Instant.now(), why, tag, deployment.getId(), whatIfSummary[0])) {
      throw PlatformException.conflict("WB-007", "草稿" + id + "已由他人同时发布");
    }
    Map<String, Object> detail = new LinkedHashMap<>();
    detail.put("draftId", id);
    detail.put("reason", why);
    detail.put("versionTag", tag);
    detail.put("version", now.version());
    detail.put("previousVersion", base.version());
    detail.put("deploymentId", deployment.getId());
    detail.put("whatIf", whatIfSummary[0]);
    record(draft.decisionKey(), AuditAction.DECISION_PUBLISHED, "v" + now.version() + "（" + tag + "）", detail);
    return new Publication(true, drafts.find(id).orElseThrow(), tag, deployment.getId(), now.version(), report,
        whatIfSummary[0]);
  }

  // ------------------------------------------------------------------------------------------------ helpers

  /**
   * Parses the file with the engine's DMN engine and works on it, inside one engine command; a refusal raised there
   * (a file that does not parse, a what-if on a decision without cases) reaches the caller unchanged.
   */
  private <T> T withDraft(String xml, java.util.function.Function<DraftModel, T> work) {
    PlatformException[] refusal = new PlatformException[1];
    T result = engines.withDmnEngine(dmn -> {
      try {
        return work.apply(DraftModel.parse(dmn, xml));
      } catch (PlatformException e) {
        refusal[0] = e;
        return null;
      }
    });
    if (refusal[0] != null) {
      throw refusal[0];
    }
    return result;
  }

  private GuardRails.Report check(DecisionDraft draft, DraftModel model) {
    TestSuite.Run run = suites.run(model, draft.decisionKey(), suites.get(draft.decisionKey()));
    return GuardRails.check(model, draft.decisionKey(), run);
  }

  private String baseXml(DecisionDraft draft) {
    return engines.readPublished(() -> {
      var d = repository.getDecisionDefinition(draft.baseDefinitionId());
      try (var in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }

  private static String defaultTag(DecisionDraft draft) {
    return LocalDateTime.now(ZONE).format(DateTimeFormatter.ofPattern("yyyy.MMdd.HHmm")) + "-d" + draft.id();
  }

  private static final Pattern DECISION_TAG = Pattern.compile("<decision\\b[^>]*>");
  private static final Pattern VERSION_TAG_ATTRIBUTE = Pattern.compile("\\scamunda:versionTag=\"[^\"]*\"");

  /**
   * Sets the version tag of every decision of the file (the deployment's decisions carry it), leaving the rest of
   * the analyst's file as it is; a file without the {@code camunda} prefix is rewritten through the DMN model.
   */
  static String withVersionTag(String xml, String tag) {
    if (!xml.contains("xmlns:camunda=\"http://camunda.org/schema/1.0/dmn\"")) {
      DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      for (Decision d : model.getModelElementsByType(Decision.class)) {
        d.setVersionTag(tag);
      }
      return Dmn.convertToString(model);
    }
    java.util.regex.Matcher m = DECISION_TAG.matcher(xml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String start = m.group();
      String tagged = VERSION_TAG_ATTRIBUTE.matcher(start).find()
          ? VERSION_TAG_ATTRIBUTE.matcher(start).replaceFirst(" camunda:versionTag=\"" + tag + "\"")
          : start.replaceFirst("^<decision", "<decision camunda:versionTag=\"" + tag + "\"");
      m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(tagged));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void feelOnly(String name, String xml) {
    try {
      DecisionEngines.checkFeelOnly(name, xml.getBytes(StandardCharsets.UTF_8));
    } catch (org.camunda.bpm.engine.BadUserRequestException e) {
      String[] parts = cn.ecolaw.platform.workflow.Refusals.split(e.getMessage());
      throw PlatformException.badRequest(parts[0] == null ? "WB-001" : parts[0], parts[1]);
    }
  }

  private String reason(String reason, String what) {
    String r = reason == null ? "" : reason.trim();
    if (r.isEmpty()) {
      throw PlatformException.badRequest("WB-003", what + "须写明理由");
    }
    if (r.length() > MAX_REASON) {
      throw PlatformException.badRequest("WB-003", "理由不能超过" + MAX_REASON + "字");
    }
    return r;
  }

  boolean isAnalyst() {
    List<String> groups = caller.groups();
    return access.decisionGroups().stream().anyMatch(groups::contains);
  }

  private void requireAnalyst() {
    if (!isAnalyst()) {
      throw new PlatformException(403, "WB-006", "只有政策分析员可以起草、测试、回放和发布决策");
    }
  }

  private void record(String key, AuditAction action, String target, Map<String, Object> detail) {
    trail.record(TRAIL_PREFIX + key, action, target, detail, null, null);
  }
}
