package cn.ecolaw.platform;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.shared.PlatformException;
import cn.ecolaw.platform.workflow.Refusals;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of the platform. Every top-level package under {@code cn.ecolaw.platform} is a module; the
 * modules form layers and a module depends only on modules in lower layers. The layering (bottom first):
 *
 * <ol start="0">
 *   <li>{@code shared}: dates, agency settings, the platform's coded refusal ({@code PlatformException}), JSON
 *       error bodies;
 *   <li>{@code calendar}, {@code documents}, {@code discretion}: engine-free services;
 *   <li>{@code cases}: the case file and case numbers;
 *   <li>{@code identity}: users, units, grants, the current user ({@code Caller}); names the process keys it grants
 *       on itself ({@code ProcessKeys});
 *   <li>{@code workflow}: the process toolkit (the engine's coded refusals {@code Refusals} and their JSON answer,
 *       form schema, field values, task rules, platform calls, the process user);
 *   <li>{@code engine}: the adapter to Camunda's internals (plugins, command interceptors, form and door guards);
 *   <li>{@code audit}: the audit trail;
 *   <li>{@code restoration}, {@code court}, {@code appraisal}, {@code confirmation}, {@code suggestion} (司法建议):
 *       processes;
 *   <li>{@code enforcement} (hands a case to the court), {@code mediation} (uses appraisal and confirmation),
 *       {@code review};
 *   <li>{@code injunction} (starts from an enforcement case, orders restoration), {@code dispatch} (执法任务指派: an
 *       inspection's finding opens an enforcement case), {@code cooperation} (线索移送 and 会商 between member units;
 *       an accepted clue starts an enforcement case), {@code dossier} (电子卷宗);
 *   <li>{@code caseview}: the case list and case page across processes; {@code search}: the case index in
 *       Elasticsearch (outbox shipper, documents of every flow, {@code /api/search});
 *   <li>{@code analytics}: the supervisors' dashboards, aggregated over the case index ({@code /api/analytics/*});
 *   <li>{@code operations}: the operator's view (health components, metrics, the logging context of {@code /api});
 *   <li>{@code demo}: demonstration data of every process.
 * </ol>
 *
 * A new top-level package must be placed in a layer here.
 */
class ModuleBoundaryTest {

  private static final String ROOT = "cn.ecolaw.platform";

  /** Bottom first; a module may depend on the modules of lower layers only. */
  static final List<Set<String>> LAYERS = List.of(
      Set.of("shared"),
      Set.of("calendar", "documents", "discretion"),
      Set.of("cases"),
      Set.of("identity"),
      Set.of("workflow"),
      Set.of("engine"),
      Set.of("audit"),
      Set.of("restoration", "court", "appraisal", "confirmation", "filecheck", "suggestion"),
      Set.of("enforcement", "mediation", "review"),
      Set.of("injunction", "dossier", "dispatch", "cooperation"),
      Set.of("caseview", "search", "workbench"),
      Set.of("analytics", "workspace", "operations"),
      Set.of("demo"),
      Set.of("apidocs"));

  /**
   * Classes outside {@code engine} that still touch Camunda's internals, each for a reason the adapter cannot take
   * over without turning the layering upside down: the engine clock read by {@code Dates} (bottom layer), the
   * engine's current authentication read by {@code Caller} (identity, below the adapter), the grants that need the
   * engine configuration to run without authorization, and the audit trail's own engine session and history
   * handler. The list may only shrink.
   */
  static final Set<String> ENGINE_INTERNALS_ALLOWED_OUTSIDE_ADAPTER = Set.of(
      "cn.ecolaw.platform.shared.Dates",
      "cn.ecolaw.platform.identity.Caller",
      "cn.ecolaw.platform.identity.EngineGrants",
      "cn.ecolaw.platform.audit.ActorResolver",
      "cn.ecolaw.platform.audit.AuditEnginePlugin",
      "cn.ecolaw.platform.audit.TrailHistoryEventHandler",
      "cn.ecolaw.platform.audit.TrailRecorder",
      "cn.ecolaw.platform.audit.TrailSession");

  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(ROOT);
  }

  @Test
  void modulesAreFreeOfCycles() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(classes);
  }

  @Test
  void everyModuleIsPlacedInALayer() {
    Set<String> declared = new TreeSet<>();
    LAYERS.forEach(declared::addAll);
    Set<String> found = new TreeSet<>();
    for (JavaClass c : classes) {
      String module = moduleOf(c.getPackageName());
      if (module != null) {
        found.add(module);
      }
    }
    assertThat(declared).as("declared layers").containsAll(found);
  }

  @Test
  void modulesDependOnLowerLayersOnly() {
    for (int level = 0; level < LAYERS.size(); level++) {
      Set<String> notBelow = new LinkedHashSet<>();
      for (int above = level; above < LAYERS.size(); above++) {
        notBelow.addAll(LAYERS.get(above));
      }
      for (String module : LAYERS.get(level)) {
        List<String> forbidden = new ArrayList<>();
        for (String other : notBelow) {
          if (!other.equals(module)) {
            forbidden.add(ROOT + "." + other + "..");
          }
        }
        noClasses().that().resideInAPackage(ROOT + "." + module + "..")
            .should().dependOnClassesThat().resideInAnyPackage(forbidden.toArray(String[]::new))
            .as(module + " depends only on the layers below it")
            .check(classes);
      }
    }
  }

  @Test
  void engineInternalsAreUsedOnlyByTheEngineAdapter() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".engine..")
        .and(DescribedPredicate.describe("not a known exception",
            (JavaClass c) -> !ENGINE_INTERNALS_ALLOWED_OUTSIDE_ADAPTER.contains(c.getName())
                && !ENGINE_INTERNALS_ALLOWED_OUTSIDE_ADAPTER.contains(outermost(c).getName())))
        .should().dependOnClassesThat().resideInAPackage("org.camunda.bpm.engine.impl..")
        .as("only the engine adapter uses org.camunda.bpm.engine.impl")
        .check(classes);
  }

  /**
   * One answer to "who is the current user": outside the engine adapter only {@code identity.Caller} reads the
   * engine's current authentication; {@code workflow.ProcessUser} and {@code audit.ActorResolver} ask it.
   */
  @Test
  void onlyCallerAnswersWhoIsTheCurrentUser() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".engine..")
        .and().doNotHaveFullyQualifiedName(ROOT + ".identity.Caller")
        .should().callMethod(IdentityService.class, "getCurrentAuthentication")
        .as("only Caller answers who the current user is")
        .check(classes);
  }

  /**
   * The same try/catch in every delegate is one engine delegate interceptor ({@code engine.DelegateRefusalsPlugin}):
   * no other class turns a PlatformException into the engine's refusal.
   */
  @Test
  void onlyTheEngineAdapterTranslatesPlatformExceptionsFromDelegates() {
    noClasses().that().resideOutsideOfPackage(ROOT + ".engine..")
        .should().callMethod(Refusals.class, "of", PlatformException.class)
        .as("delegates leave PlatformException to the engine's delegate interceptor")
        .check(classes);
  }

  private static JavaClass outermost(JavaClass c) {
    JavaClass outer = c;
    while (outer.getEnclosingClass().isPresent()) {
      outer = outer.getEnclosingClass().get();
    }
    return outer;
  }

  private static String moduleOf(String packageName) {
    if (!packageName.startsWith(ROOT + ".")) {
      return null;
    }
    String rest = packageName.substring(ROOT.length() + 1);
    int dot = rest.indexOf('.');
    return dot < 0 ? rest : rest.substring(0, dot);
  }
}
