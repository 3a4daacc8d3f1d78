package cn.ecolaw.platform.workbench;

import cn.ecolaw.platform.shared.PlatformException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import cn.ecolaw.platform.engine.DecisionEngines;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.springframework.stereotype.Component;

/**
 * The published decisions: the latest deployed version of every decision that no other decision of its file
 * requires (the entry points: {@code penalty-discretion}, {@code procedure-requirements}, {@code mediation-routing}…),
 * with the DMN file it was deployed from. Published tables are public rules (APL 34: benchmarks are published), so
 * everyone may read them; the engine's per-user authorizations (decision definitions are the analysts') are not
 * applied to this read.
 */
@Component
public class PublishedDecisions {

  private final RepositoryService repository;
  private final DecisionEngines engines;

  public PublishedDecisions(RepositoryService repository, DecisionEngines engines) {
    this.repository = repository;
    this.engines = engines;
  }

  /** Every published entry decision, by key. */
  public List<PublishedDecision> list() {
    return readAsPlatform(() -> {
      List<DecisionDefinition> latest = repository.createDecisionDefinitionQuery().latestVersion().list();
      Map<String, Set<String>> requiredPerResource = new LinkedHashMap<>();
      List<PublishedDecision> result = new ArrayList<>();
      for (DecisionDefinition d : latest) {
        String resource = d.getDeploymentId() + "/" + d.getResourceName();
        Set<String> required = requiredPerResource.computeIfAbsent(resource,
            r -> requiredDecisions(xmlOf(d)));
        if (!required.contains(d.getKey())) {
          result.add(of(d));
        }
      }
      result.sort(Comparator.comparing(PublishedDecision::key));
      return result;
    });
  }

  /** The latest published version of {@code key}; 404 WB-004 when no such decision is deployed. */
  public PublishedDecision get(String key) {
    return readAsPlatform(() -> {
      DecisionDefinition d = key == null ? null
          : repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
      if (d == null) {
        throw PlatformException.notFound("WB-004", "决策“" + key + "”尚未发布（没有已部署的版本）");
      }
      return of(d);
    });
  }

  /** The DMN file of the published version. */
  public String xml(PublishedDecision decision) {
    return readAsPlatform(() -> read(decision.deploymentId(), decision.resourceName()));
  }

  private PublishedDecision of(DecisionDefinition d) {
    String drg = d.getDecisionRequirementsDefinitionKey();
    return new PublishedDecision(d.getKey(), d.getName(), d.getId(), d.getVersion(), d.getVersionTag(),
        d.getDeploymentId(), d.getResourceName(), drg);
  }

  private String xmlOf(DecisionDefinition d) {
    return read(d.getDeploymentId(), d.getResourceName());
  }

  private String read(String deploymentId, String resourceName) {
    try (InputStream in = repository.getResourceAsStream(deploymentId, resourceName)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("决策文件无法读取：" + resourceName, e);
    }
  }

  /** The keys of the decisions that another decision of the file requires. */
  static Set<String> requiredDecisions(String xml) {
    DmnModelInstance model = Dmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    Set<String> required = new HashSet<>();
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      decision.getInformationRequirements().forEach(r -> {
        Decision needed = r.getRequiredDecision();
        if (needed != null) {
          required.add(needed.getId());
        }
      });
    }
    return required;
  }

  private <T> T readAsPlatform(Supplier<T> read) {
    return engines.readPublished(read);
  }
}
