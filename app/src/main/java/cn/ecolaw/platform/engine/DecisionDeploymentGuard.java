package cn.ecolaw.platform.engine;

import cn.ecolaw.platform.workflow.Refusals;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks every new deployment before the engine parses it (a pre-deployer, so a refusal rolls the deployment back):
 * <ul>
 *   <li>for everyone, the platform's own models included: a decision table (DMN) runs FEEL only; an
 *       {@code expressionLanguage} other than FEEL (juel, javascript, groovy...) is refused (DEPLOY-002), and so is
 *       a JUEL-looking {@code ${…}} or {@code #{…}} anywhere in its expressions (DEPLOY-003);</li>
 *   <li>a user outside the administrator group (the policy analyst) deploys decisions only: a deployment with any
 *       other resource (BPMN, forms, scripts...) is refused (DEPLOY-001, 403). Process deployment is the
 *       administrator's.</li>
 * </ul>
 */
public class DecisionDeploymentGuard implements Deployer {

  public static final String NOT_DECISIONS_ONLY = "DEPLOY-001";
  public static final String NOT_FEEL = "DEPLOY-002";
  public static final String JUEL = "DEPLOY-003";

  private static final Set<String> FEEL = Set.of("feel", "feel-scala", "http://www.omg.org/spec/feel/20140401",
      "https://www.omg.org/spec/dmn/20191111/feel/", "http://www.omg.org/spec/dmn/20180521/feel/",
      "https://www.omg.org/spec/dmn/20230324/feel/");
  /** The resources Camunda deploys as decisions (its DmnDeployer's suffixes). */
  private static final List<String> DMN_SUFFIXES = List.of(".dmn", ".dmn11.xml");

  private final String adminGroup;

  public DecisionDeploymentGuard(String adminGroup) {
    this.adminGroup = adminGroup;
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew() || deployment.getResources() == null) {
      return;
    }
    boolean decisionsOnly = restrictedCaller();
    for (ResourceEntity resource : deployment.getResources().values()) {
      String name = resource.getName() == null ? "" : resource.getName();
      boolean dmn = DMN_SUFFIXES.stream().anyMatch(s -> name.toLowerCase(Locale.ROOT).endsWith(s));
      if (dmn) {
        checkFeelOnly(name, resource.getBytes());
      } else if (decisionsOnly) {
        throw EngineDoorGuard.refused(NOT_DECISIONS_ONLY, "只能部署决策表（DMN）；“" + name
            + "”不是决策表。流程、表单等模型的部署仅限系统管理员");
      }
    }
  }

  private boolean restrictedCaller() {
    CommandContext context = Context.getCommandContext();
    Authentication auth = context == null ? null : context.getAuthentication();
    return auth != null && auth.getUserId() != null
        && (auth.getGroupIds() == null || !auth.getGroupIds().contains(adminGroup));
  }

  /** Refuses a decision whose expressions are not FEEL (DEPLOY-002/003). */
  static void checkFeelOnly(String name, byte[] xml) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      root = builder.parse(new ByteArrayInputStream(xml)).getDocumentElement();
    } catch (Exception e) {
      throw Refusals.refuse(NOT_FEEL, "决策表“" + name + "”不是有效的 DMN 文件");
    }
    check(name, root);
  }

  private static void check(String name, Element element) {
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr a = (Attr) attributes.item(i);
      String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
      if (local.equals("expressionLanguage")
          && !FEEL.contains(a.getValue().trim().toLowerCase(Locale.ROOT))) {
        throw Refusals.refuse(NOT_FEEL, "决策表“" + name + "”使用了表达式语言“" + a.getValue()
            + "”；决策表只能使用 FEEL 表达式");
      }
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        check(name, e);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        String text = child.getNodeValue();
        if (text != null && (text.contains("${") || text.contains("#{"))) {
          throw Refusals.refuse(JUEL, "决策表“" + name + "”含有 JUEL 表达式（${…} 或 #{…}）；决策表只能使用 FEEL 表达式");
        }
      }
    }
  }
}
