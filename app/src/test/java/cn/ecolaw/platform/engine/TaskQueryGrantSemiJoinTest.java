package cn.ecolaw.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.enforcement.CaseLauncher;
import cn.ecolaw.platform.support.Logins;
import cn.ecolaw.platform.support.PlatformHttp;
import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.TestCases;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
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
 * Issue 14 (Tasklist counts at scale): the engine's task queries are authorized by a semi-join on the user's grants
 * instead of Camunda's join of every task to its grants, and every user sees exactly what Camunda's own statement
 * shows — through the Tasklist's doors ({@code /engine-rest/task}, {@code /task/count}, the demo filters' counts and
 * lists), for the units' users, a user holding a process-definition grant, one holding a "*" grant, and one with none.
 */
@PlatformTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TaskQueryGrantSemiJoinTest {

  @LocalServerPort int port;
  @Autowired ProcessEngine engine;
  @Autowired IdentityService identity;
  @Autowired FilterService filters;
  @Autowired TaskService tasks;
  @Autowired AuthorizationService authorizations;
  @Autowired CaseLauncher launcher;

  PlatformHttp http;
  final List<String> cleanup = new ArrayList<>();
  final List<String> users = new ArrayList<>();
  String courtTask;

  @BeforeEach
  void data() {
    Logins.ensureDemoUsers(identity, filters, tasks);
    http = new PlatformHttp(port);
    // two bureau cases (officer tasks, one assigned to officer1) and a court task nobody of the bureau may see
    launcher.start(TestCases.caseNo(), TestCases.enterpriseWater());
    launcher.start(TestCases.caseNo(), TestCases.enterpriseWater());
    Task first = tasks.createTaskQuery().taskCandidateGroup("eco-officer").orderByTaskCreateTime().desc().list().get(0);
    tasks.setAssignee(first.getId(), "officer1");
    Task court = tasks.newTask();
    court.setName("法院测试任务");
    tasks.saveTask(court);
    tasks.addCandidateGroup(court.getId(), "court-judge");
    // three candidate links judge1 matches: Camunda's join yields the task three times before its DISTINCT
    tasks.addCandidateGroup(court.getId(), "unit-court");
    tasks.addCandidateUser(court.getId(), "judge1");
    courtTask = court.getId();
    users.addAll(List.of("officer1", "legal1", "head1", "judge1", "admin"));
    // a user whose group reads the tasks of enforcement cases by a process-definition grant, one with "*"
    users.add(userWithGrant("semi-def", Resources.PROCESS_DEFINITION, "enforcement-case", Permissions.READ_TASK));
    users.add(userWithGrant("semi-any", Resources.TASK, Authorization.ANY, Permissions.READ));
    users.add(userWithGrant("semi-none", null, null, null));
  }

  @AfterEach
  void clean() {
    cleanup.forEach(authorizations::deleteAuthorization);
    tasks.deleteTask(courtTask, true);
    for (String u : List.of("semi-def", "semi-any", "semi-none")) {
      identity.deleteMembership(u, u + "-group");
      identity.deleteGroup(u + "-group");
      identity.deleteUser(u);
    }
  }

  @Test
  void taskQueriesAreMappedToTheGrantSemiJoin() {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    assertThat(sessions.mapStatement("selectTaskByQueryCriteria"))
        .isEqualTo(TaskQueryGrantSemiJoin.NAMESPACE + ".selectTaskByQueryCriteria_grantSemiJoin");
    assertThat(sessions.mapStatement("selectTaskCountByQueryCriteria"))
        .isEqualTo(TaskQueryGrantSemiJoin.NAMESPACE + ".selectTaskCountByQueryCriteria_grantSemiJoin");
  }

  @Test
  void aCountsCandidateCriteriaAreASemiJoinAndNeedNoDistinctUnlessAnotherJoinCouldRepeatARow() {
    org.apache.ibatis.session.Configuration mybatis = configuration().getSqlSessionFactory().getConfiguration();
    String list = TaskQueryGrantSemiJoin.NAMESPACE + ".selectTaskByQueryCriteria_grantSemiJoin";
    String count = TaskQueryGrantSemiJoin.NAMESPACE + ".selectTaskCountByQueryCriteria_grantSemiJoin";

    // a filter of the Tasklist: the candidate groups, assigned tasks included
    org.camunda.bpm.engine.impl.TaskQueryImpl byGroups = query();
    byGroups.taskCandidateGroupIn(List.of("eco-officer", "unit-bureau")).includeAssignedTasks();
    String listSql = sql(mybatis, list, byGroups);
    String countSql = sql(mybatis, count, byGroups);
    assertThat(countSql).contains("select count(RES.ID_)")
        .contains("EXISTS (select 1 from ACT_RU_IDENTITYLINK I where I.TASK_ID_ = RES.ID_")
        .doesNotContainIgnoringCase("distinct").doesNotContain("left join ACT_RU_IDENTITYLINK");
    // a page keeps Camunda's join and DISTINCT (PostgreSQL's plans for it were as fast or faster)
    assertThat(listSql).containsIgnoringCase("distinct").contains("left join ACT_RU_IDENTITYLINK I")
        .doesNotContain("EXISTS (select 1 from ACT_RU_IDENTITYLINK");

    // involvedUser reads the joined links, "or" queries may match without a link: Camunda's join and DISTINCT
    org.camunda.bpm.engine.impl.TaskQueryImpl involved = query();
    involved.taskCandidateGroupIn(List.of("eco-officer")).taskInvolvedUser("officer1");
    assertThat(sql(mybatis, count, involved)).containsIgnoringCase("distinct")
        .contains("left join ACT_RU_IDENTITYLINK I").doesNotContain("EXISTS (select 1 from ACT_RU_IDENTITYLINK");
    org.camunda.bpm.engine.impl.TaskQueryImpl withOr = query();
    withOr.taskCandidateGroupIn(List.of("eco-officer")).or().taskAssignee("officer1").endOr();
    assertThat(sql(mybatis, count, withOr)).containsIgnoringCase("distinct")
        .doesNotContain("EXISTS (select 1 from ACT_RU_IDENTITYLINK");
    // a sort by a variable joins the variables: the semi-join stays, DISTINCT too
    org.camunda.bpm.engine.impl.TaskQueryImpl byVariable = query();
    byVariable.taskCandidateGroupIn(List.of("eco-officer")).orderByProcessVariable("caseNo",
        org.camunda.bpm.engine.variable.type.ValueType.STRING).asc();
    assertThat(sql(mybatis, count, byVariable)).containsIgnoringCase("distinct")
        .contains("EXISTS (select 1 from ACT_RU_IDENTITYLINK");
  }

  private static org.camunda.bpm.engine.impl.TaskQueryImpl query() {
    org.camunda.bpm.engine.impl.TaskQueryImpl q = new org.camunda.bpm.engine.impl.TaskQueryImpl();
    q.setAuthCheck(new org.camunda.bpm.engine.impl.db.AuthorizationCheck());
    return q;
  }

  private static String sql(org.apache.ibatis.session.Configuration mybatis, String statement, Object parameter) {
    return mybatis.getMappedStatement(statement).getBoundSql(parameter).getSql().replaceAll("\\s+", " ");
  }

  @Test
  void everyUserSeesExactlyTheTasksCamundasJoinShows() {
    Map<String, Object> semiJoin = visible();
    Map<String, Object> camunda = withCamundasStatements(this::visible);

    assertThat(semiJoin).isEqualTo(camunda);
    // and the answers are not trivially empty: unit isolation and grants are what they were
    assertThat(ids(semiJoin, "officer1 GET /task")).isNotEmpty().doesNotContain(courtTask);
    assertThat(ids(semiJoin, "judge1 GET /task")).contains(courtTask);
    assertThat(ids(semiJoin, "semi-def GET /task")).isNotEmpty().doesNotContain(courtTask);
    assertThat(ids(semiJoin, "semi-any GET /task")).contains(courtTask);
    assertThat(ids(semiJoin, "semi-none GET /task")).isEmpty();
    // judge1 matches the court task by three candidate links: it is answered once, and counted once
    assertThat((List<Object>) semiJoin.get("judge1 POST /task candidateUser")).containsOnlyOnce(courtTask);
    assertThat((List<Object>) semiJoin.get("judge1 POST /task withCandidateGroups")).containsOnlyOnce(courtTask);
    // at least the task assigned above (other tests of the suite may have assigned more to officer1)
    assertThat((Long) semiJoin.get("officer1 count 我的待办")).isGreaterThanOrEqualTo(1L);
  }

  /** What each user sees through the Tasklist's doors: task lists and counts, each demo filter's count and list. */
  private Map<String, Object> visible() {
    Map<String, Object> out = new LinkedHashMap<>();
    List<Filter> demoFilters = filters.createTaskFilterQuery().list();
    assertThat(demoFilters).extracting(Filter::getName).contains("我的待办", "本岗位待办", "即将到期");
    for (String user : users) {
      PlatformHttp as = http.as(user);
      out.put(user + " GET /task", idSet(as.getOk("/engine-rest/task?maxResults=1000")));
      out.put(user + " GET /task/count", as.getOk("/engine-rest/task/count").path("count").asLong());
      List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
      Map<String, Object> byGroups = Map.of("candidateGroups", groups, "includeAssignedTasks", true);
      out.put(user + " POST /task (groups)", idSet(as.postOk("/engine-rest/task", byGroups)));
      out.put(user + " POST /task/count (groups)", as.postOk("/engine-rest/task/count", byGroups).path("count").asLong());
      out.put(user + " POST /task (assignee)", idSet(as.postOk("/engine-rest/task", Map.of("assignee", user))));
      // the query shapes the statement's copy treats apart: the candidate semi-join and where it must not apply
      Map<String, Map<String, Object>> shapes = new LinkedHashMap<>();
      shapes.put("candidateUser", Map.of("candidateUser", user));
      shapes.put("candidateUser+assigned", Map.of("candidateUser", user, "includeAssignedTasks", true));
      shapes.put("candidateGroupLike", Map.of("candidateGroupLike", "%-%"));
      shapes.put("withCandidateGroups", Map.of("withCandidateGroups", true));
      shapes.put("withCandidateUsers", Map.of("withCandidateUsers", true, "includeAssignedTasks", true));
      shapes.put("withoutCandidateGroups", Map.of("withoutCandidateGroups", true));
      shapes.put("involvedUser", Map.of("involvedUser", user));
      shapes.put("groups+involvedUser", Map.of("candidateGroups", groups, "involvedUser", user));
      shapes.put("groups or assignee", Map.of("candidateGroups", groups,
          "orQueries", List.of(Map.of("assignee", user, "candidateGroup", "court-judge"))));
      // sorts that can tie (a case's tasks share its caseNo) end with the id, so that a page is one defined answer
      shapes.put("groups by variable", Map.of("candidateGroups", groups, "includeAssignedTasks", true,
          "sorting", List.of(Map.of("sortBy", "processVariable", "sortOrder", "asc",
              "parameters", Map.of("variable", "caseNo", "type", "String")), BY_ID)));
      shapes.put("groups by created", Map.of("candidateGroups", groups, "includeAssignedTasks", true,
          "sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc"), BY_ID)));
      shapes.put("groups by definition key", Map.of("candidateGroups", groups,
          "processDefinitionKeyIn", List.of("enforcement-case")));
      for (Map.Entry<String, Map<String, Object>> shape : shapes.entrySet()) {
        // in the order the database answers (a repeated row shows), and the count
        out.put(user + " POST /task " + shape.getKey(), ordered(as.postOk("/engine-rest/task", shape.getValue())));
        out.put(user + " POST /task?page " + shape.getKey(),
            ordered(as.postOk("/engine-rest/task?firstResult=1&maxResults=2", shape.getValue())));
        out.put(user + " POST /task/count " + shape.getKey(),
            as.postOk("/engine-rest/task/count", shape.getValue()).path("count").asLong());
      }
      for (Filter f : demoFilters) {
        PlatformHttp.Response count = as.get("/engine-rest/filter/" + f.getId() + "/count");
        out.put(user + " count " + f.getName(), count.ok() ? (Object) count.json().path("count").asLong() : count.status());
        PlatformHttp.Response list = as.post("/engine-rest/filter/" + f.getId() + "/list", Map.of());
        out.put(user + " list " + f.getName(), list.ok() ? idSet(list.json()) : list.status());
      }
    }
    return out;
  }

  private <T> T withCamundasStatements(Supplier<T> work) {
    DbSqlSessionFactory sessions = configuration().getDbSqlSessionFactory();
    Map<String, String> ours = sessions.getStatementMappings();
    Map<String, String> camundas = new HashMap<>(ours);
    TaskQueryGrantSemiJoin.STATEMENTS.keySet().forEach(camundas::remove);
    sessions.setStatementMappings(camundas);
    try {
      return work.get();
    } finally {
      sessions.setStatementMappings(ours);
    }
  }

  private String userWithGrant(String userId, Resources resource, String resourceId,
      org.camunda.bpm.engine.authorization.Permission permission) {
    User u = identity.newUser(userId);
    u.setPassword(Logins.password(userId));
    identity.saveUser(u);
    Group g = identity.newGroup(userId + "-group");
    identity.saveGroup(g);
    identity.createMembership(userId, g.getId());
    if (resource != null) {
      Authorization a = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(g.getId());
      a.setResource(resource);
      a.setResourceId(resourceId);
      a.addPermission(permission);
      cleanup.add(authorizations.saveAuthorization(a).getId());
    }
    return userId;
  }

  private ProcessEngineConfigurationImpl configuration() {
    return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  private static final Map<String, Object> BY_ID = Map.of("sortBy", "id", "sortOrder", "asc");

  /** The ids as answered, each as often as answered (a set would hide a repeated row). */
  private static List<String> ordered(JsonNode list) {
    List<String> ids = new ArrayList<>();
    list.forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  private static TreeSet<String> idSet(JsonNode list) {
    TreeSet<String> ids = new TreeSet<>();
    list.forEach(t -> ids.add(t.path("id").asText()));
    return ids;
  }

  @SuppressWarnings("unchecked")
  private static TreeSet<String> ids(Map<String, Object> visible, String key) {
    return (TreeSet<String>) visible.get(key);
  }
}
