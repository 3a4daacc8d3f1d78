package cn.ecolaw.platform.attacks;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TasklistSession;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Rule: whatever shape a task query takes, each user sees through the Tasklist's doors exactly the tasks Camunda's own
 * statement shows (the platform maps the task queries to a copy with a semi-join on the user's grants,
 * {@code engine.TaskQueryGrantSemiJoin}), and never a task of another unit's case: or-queries, candidateGroupLike,
 * involvedUser, candidateUser, with/without candidate groups and users, processDefinitionKeyIn, sorting by a process
 * variable, tenantIdIn, withoutTenantId, includeAssignedTasks, activityInstanceIdIn, variable filters — through
 * {@code POST /engine-rest/task}, {@code /task/count}, {@code GET /engine-rest/task}, the filters' list and count, and
 * the Tasklist's own engine API; for the demo users and for users holding odd grants (a task grant on a process key,
 * a definition grant on a task id, a user-level grant, a global grant on one task, a grant without READ).
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskQueriesOfEveryShapeSeeWhatCamundaShowsTest {

  static final String TENANT = "tenant-attack3";

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired RuntimeService runtime;
  @Autowired AuthorizationService authorizations;
  @Autowired CaseLauncher launcher;

  PlatformHttp http;
  final List<String> grants = new ArrayList<>();
  final List<String> standalone = new ArrayList<>();
  final List<String> madeUsers = new ArrayList<>();
  final List<String> users = new ArrayList<>(List.of("officer1", "legal1", "head1", "filing1", "judge1", "exec1",
      "police1", "admin"));
  String courtTask;
  String bureauTask;
  String bureauActivityInstance;
  String bureauInstance;

  @BeforeEach
  void givenBureauCasesCourtTasksAndUsersWithOddGrants() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
    String caseNo = TestCases.caseNo();
    launcher.start(caseNo, TestCases.enterpriseWater());
    launcher.start(TestCases.caseNo(), TestCases.enterpriseWater());
    bureauInstance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
    Task first = tasks.createTaskQuery().processInstanceId(bureauInstance).singleResult();
    bureauTask = first.getId();
    tasks.setAssignee(bureauTask, "officer1");
    bureauActivityInstance = runtime.getActivityInstance(bureauInstance).getChildActivityInstances()[0].getId();
    courtTask = standaloneTask("法院测试任务", null, "court-judge", null);
    standaloneTask("法院租户任务", TENANT, "court-judge", null);
    standaloneTask("承办法官个人任务", null, null, "judge1");
    standaloneTask("无人候选任务", null, null, null);
    // users holding odd grants, each through a group of its own unless named
    users.add(userWithGrant("a3-taskkey", Resources.TASK, "enforcement-case", Permissions.READ, false));
    users.add(userWithGrant("a3-defid", Resources.PROCESS_DEFINITION, courtTask, Permissions.READ_TASK, false));
    users.add(userWithGrant("a3-userdef", Resources.PROCESS_DEFINITION, "enforcement-case", Permissions.READ_TASK, true));
    users.add(userWithGrant("a3-update", Resources.TASK, "*", Permissions.UPDATE, false));
    users.add(userWithGrant("a3-any", Resources.TASK, "*", Permissions.READ, false));
    users.add(userWithGrant("a3-none", null, null, null, false));
    // a global grant (every user) on one task
    Authorization global = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    global.setUserId(Authorization.ANY);
    global.setResource(Resources.TASK);
    global.setResourceId(standalone.get(3));
    global.addPermission(Permissions.READ);
    grants.add(authorizations.saveAuthorization(global).getId());
  }

  @AfterEach
  void clean() {
    grants.forEach(authorizations::deleteAuthorization);
    standalone.forEach(id -> tasks.deleteTask(id, true));
    for (String u : madeUsers) {
      identity.deleteMembership(u, u + "-group");
      identity.deleteGroup(u + "-group");
      identity.deleteUser(u);
    }
  }

  /** The query shapes, as the Tasklist and a REST client send them. */
  private List<Map<String, Object>> shapes() {
    Map<String, Object> byCaseNo = Map.of("sortBy", "processVariable", "sortOrder", "asc",
        "parameters", Map.of("variable", "caseNo", "type", "String"));
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(Map.of());
    out.add(Map.of("orQueries", List.of(Map.of("candidateGroup", "court-judge"), Map.of("assignee", "officer1"))));
    out.add(Map.of("orQueries", List.of(Map.of("candidateGroupLike", "%", "includeAssignedTasks", true,
        "assignee", "officer1"))));
    out.add(Map.of("orQueries", List.of(Map.of("candidateUser", "judge1", "candidateGroupLike", "court%"))));
    out.add(Map.of("candidateGroupLike", "%"));
    out.add(Map.of("candidateGroupLike", "court%", "includeAssignedTasks", true));
    out.add(Map.of("involvedUser", "judge1"));
    out.add(Map.of("involvedUser", "officer1"));
    out.add(Map.of("candidateUser", "judge1"));
    out.add(Map.of("candidateUser", "officer1", "includeAssignedTasks", true));
    out.add(Map.of("candidateGroups", List.of("court-judge", "eco-officer"), "includeAssignedTasks", true));
    out.add(Map.of("withoutCandidateGroups", true));
    out.add(Map.of("withoutCandidateGroups", true, "includeAssignedTasks", true));
    out.add(Map.of("withCandidateGroups", true));
    out.add(Map.of("withCandidateUsers", true));
    out.add(Map.of("withoutCandidateUsers", true, "includeAssignedTasks", true));
    out.add(Map.of("processDefinitionKeyIn", List.of("enforcement-case", "non-litigation-execution")));
    out.add(Map.of("orQueries", List.of(Map.of("processDefinitionKeyIn", List.of("enforcement-case"),
        "candidateGroup", "court-judge"))));
    out.add(Map.of("sorting", List.of(byCaseNo)));
    out.add(Map.of("candidateGroupLike", "%", "sorting", List.of(byCaseNo, Map.of("sortBy", "created",
        "sortOrder", "desc"))));
    out.add(Map.of("tenantIdIn", List.of(TENANT)));
    out.add(Map.of("withoutTenantId", true));
    out.add(Map.of("orQueries", List.of(Map.of("tenantIdIn", List.of(TENANT), "withoutTenantId", true))));
    out.add(Map.of("activityInstanceIdIn", List.of(bureauActivityInstance)));
    out.add(Map.of("orQueries", List.of(Map.of("activityInstanceIdIn", List.of(bureauActivityInstance),
        "candidateGroup", "court-judge"))));
    out.add(Map.of("processVariables", List.of(Map.of("name", "caseNo", "operator", "like", "value", "%"))));
    out.add(Map.of("nameLike", "%", "assigned", true));
    out.add(Map.of("unassigned", true, "sorting", List.of(Map.of("sortBy", "dueDate", "sortOrder", "asc"))));
    out.add(Map.of("taskIdIn", List.of(courtTask, bureauTask)));
    out.add(Map.of("processInstanceId", bureauInstance));
    return out;
  }

  @Test
  void everyQueryShapeSeesWhatCamundasStatementShowsAndNoOtherUnitsTask() {
    Map<String, Object> semiJoin = visible();
    Map<String, Object> camunda = withCamundasStatements(this::visible);

    assertThat(semiJoin.keySet()).isEqualTo(camunda.keySet());
    List<String> differences = new ArrayList<>();
    semiJoin.forEach((k, v) -> {
      if (!v.equals(camunda.get(k))) {
        differences.add(k + ": platform " + v + " / Camunda " + camunda.get(k));
      }
    });
    assertThat(differences).isEmpty();
    assertThat(semiJoin.values()).as("every shape is answered").noneMatch(v -> v instanceof String);
    noShapeShowsAUnitAnotherUnitsTask(semiJoin);
  }

  private void noShapeShowsAUnitAnotherUnitsTask(Map<String, Object> seen) {
    for (String user : List.of("officer1", "legal1", "head1", "police1", "a3-none", "a3-update", "a3-userdef")) {
      seen.forEach((k, v) -> {
        if (k.startsWith(user + " ") && v instanceof List<?> ids) {
          List<Object> seenIds = new ArrayList<>(ids);
          assertThat(seenIds).as(k).doesNotContain((Object) courtTask);
        }
      });
    }
    for (String user : List.of("filing1", "judge1", "exec1", "police1", "a3-none", "a3-defid")) {
      seen.forEach((k, v) -> {
        if (k.startsWith(user + " ") && v instanceof List<?> ids) {
          List<Object> seenIds = new ArrayList<>(ids);
          assertThat(seenIds).as(k).doesNotContain((Object) bureauTask);
        }
      });
    }
    // and the answers are not trivially empty
    assertThat(seen.get("judge1 POST /task {candidateGroupLike=%}")).asList().contains(courtTask);
    assertThat(seen.get("a3-defid POST /task {}")).asList()
        .containsExactlyInAnyOrder(courtTask, standalone.get(3));
  }

  /** What each user sees for each shape: POST list and count, the shapes without lists also by GET. */
  private Map<String, Object> visible() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Filter> demoFilters = filters.createTaskFilterQuery().list();
    for (String user : users) {
      PlatformHttp as = http.as(user);
      for (Map<String, Object> shape : shapes()) {
        String key = user + " POST /task " + shape;
        PlatformHttp.Response list = as.post("/engine-rest/task?maxResults=1000", shape);
        out.put(key, list.ok() ? ids(list.json()) : list.status() + " " + list.text());
        PlatformHttp.Response count = as.post("/engine-rest/task/count", shape);
        out.put(user + " POST /task/count " + shape, count.ok() ? count.json().path("count").asLong()
            : count.status() + " " + count.text());
      }
      if (!List.of("officer1", "judge1", "police1", "a3-taskkey", "a3-defid", "a3-userdef").contains(user)) {
        continue; // the GET forms and the filters for one user of each kind
      }
      for (String get : List.of("candidateGroupLike=%25", "involvedUser=judge1", "candidateUser=judge1",
          "withoutCandidateGroups=true", "processDefinitionKeyIn=enforcement-case,non-litigation-execution",
          "tenantIdIn=" + TENANT, "withoutTenantId=true", "activityInstanceIdIn=" + bureauActivityInstance,
          "sortBy=dueDate&sortOrder=asc", "processVariables=caseNo_like_%25")) {
        PlatformHttp.Response list = as.get("/engine-rest/task?maxResults=1000&" + get);
        out.put(user + " GET /task?" + get, list.ok() ? ids(list.json()) : list.status() + " " + list.text());
        PlatformHttp.Response count = as.get("/engine-rest/task/count?" + get);
        out.put(user + " GET /task/count?" + get, count.ok() ? count.json().path("count").asLong()
            : count.status() + " " + count.text());
      }
      for (Filter f : demoFilters) {
        for (Map<String, Object> extension : List.of(Map.<String, Object>of(), Map.<String, Object>of(
            "candidateGroupLike", "%"), Map.<String, Object>of("orQueries", List.of(Map.of("involvedUser", user,
            "candidateGroupLike", "court%"))))) {
          PlatformHttp.Response list = as.post("/engine-rest/filter/" + f.getId() + "/list?maxResults=1000", extension);
          out.put(user + " filter " + f.getName() + " list " + extension, list.ok() ? ids(list.json()) : list.status());
          PlatformHttp.Response count = as.post("/engine-rest/filter/" + f.getId() + "/count", extension);
          out.put(user + " filter " + f.getName() + " count " + extension,
              count.ok() ? (Object) count.json().path("count").asLong() : count.status());
        }
      }
    }
    // the Tasklist's own engine API (session login): one user of each side
    for (String user : List.of("officer1", "judge1")) {
      TasklistSession tasklist = TasklistSession.login(port, user);
      for (String body : List.of("{\"candidateGroupLike\":\"%\"}", "{\"orQueries\":[{\"involvedUser\":\"judge1\","
          + "\"candidateGroupLike\":\"court%\"}]}", "{\"withoutCandidateGroups\":true,\"includeAssignedTasks\":true}",
          "{\"orQueries\":[{\"candidateUser\":\"judge1\",\"includeAssignedTasks\":true}]}")) {
        HttpResponse<String> r = tasklist.send("POST", TasklistSession.ENGINE + "/task?maxResults=1000",
            "application/json", body);
        out.put(user + " Tasklist POST /task " + body, r.statusCode() == 200 ? ids(parse(r.body()))
            : r.statusCode() + " " + r.body());
      }
    }
    return out;
  }

  private <T> T withCamundasStatements(Supplier<T> work) {
    DbSqlSessionFactory sessions = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> camundas = new HashMap<>(ours);
    camundas.remove("selectTaskByQueryCriteria");
    camundas.remove("selectTaskCountByQueryCriteria");
    sessions.setStatementMappings(camundas);
    try {
      return work.get();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  private String standaloneTask(String name, String tenant, String group, String candidateUser) {
    Task t = tasks.newTask();
    t.setName(name);
    t.setTenantId(tenant);
    tasks.saveTask(t);
    if (group != null) {
      tasks.addCandidateGroup(t.getId(), group);
    }
    if (candidateUser != null) {
      tasks.addCandidateUser(t.getId(), candidateUser);
    }
    standalone.add(t.getId());
    return t.getId();
  }

  private String userWithGrant(String userId, Resources resource, String resourceId, Permission permission,
      boolean toTheUser) {
    User u = identity.newUser(userId);
    u.setPassword(Logins.password(userId));
    identity.saveUser(u);
    Group g = identity.newGroup(userId + "-group");
    identity.saveGroup(g);
    identity.createMembership(userId, g.getId());
    madeUsers.add(userId);
    if (resource != null) {
      Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      if (toTheUser) {
        a.setUserId(userId);
      } else {
        a.setGroupId(g.getId());
      }
      a.setResource(resource);
      a.setResourceId(resourceId);
      a.addPermission(permission);
      grants.add(authorizations.saveAuthorization(a).getId());
    }
    return userId;
  }

  private static JsonNode parse(String body) {
    try {
      return PlatformHttp.json().readTree(body);
    } catch (java.io.IOException e) {
      throw new AssertionError(body, e);
    }
  }

  /** The ids answered, sorted (ties of a sort key may come in either order), duplicates kept. */
  private static List<String> ids(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(t -> ids.add(t.path("id").asText()));
    ids.sort(null);
    return ids;
  }
}
