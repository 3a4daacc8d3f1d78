package cn.ecolaw.platform.identity;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the member units, groups and demo users (password = user name) and the Tasklist filters, in the demo
 * profile only ({@code platform.demo.enabled}). Idempotent: existing users and groups are left as they are.
 */
@Component
@Order(1)
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class DemoIdentityInitializer {

  private final IdentityService identity;
  private final FilterService filters;
  private final TaskService tasks;

  public DemoIdentityInitializer(IdentityService identity, FilterService filters, TaskService tasks) {
    this.identity = identity;
    this.filters = filters;
    this.tasks = tasks;
  }

  public void initialize() {
    createUsers(identity);
    filter("我的待办", tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}"), -10);
    filter("本岗位待办", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks(), -5);
    filter("即将到期", tasks.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
        .includeAssignedTasks().dueBeforeExpression("${dateTime().plusDays(3)}"), 0);
  }

  /** The units (groups of type UNIT), role groups, demo users (password = user name) and memberships. Idempotent. */
  public static void createUsers(IdentityService identity) {
    for (DemoUsers.Unit unit : DemoUsers.UNITS) {
      group(identity, unit.id(), unit.name(), "UNIT");
    }
    for (DemoUsers.Role role : DemoUsers.ROLES) {
      group(identity, role.group(), role.groupName(), "WORKFLOW");
      user(identity, role);
      membership(identity, role.userId(), role.group());
      membership(identity, role.userId(), role.unit());
    }
  }

  private static void group(IdentityService identity, String id, String name, String type) {
    if (identity.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group g = identity.newGroup(id);
    g.setName(name);
    g.setType(type);
    identity.saveGroup(g);
  }

  private static void user(IdentityService identity, DemoUsers.Role role) {
    if (identity.createUserQuery().userId(role.userId()).count() > 0) {
      return;
    }
    User u = identity.newUser(role.userId());
    u.setFirstName(role.firstName());
    u.setLastName(role.lastName());
    u.setPassword(role.userId());
    u.setEmail(role.userId() + "@demo.ecolaw.cn");
    identity.saveUser(u);
  }

  private static void membership(IdentityService identity, String userId, String groupId) {
    if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
      identity.createMembership(userId, groupId);
    }
  }

  /** The variables the Tasklist's list shows under each task: the case number and the party (every flow has them). */
  public static final List<Map<String, String>> LIST_VARIABLES = List.of(
      Map.of("name", "caseNo", "label", "案号"), Map.of("name", "partyName", "label", "当事人"));

  private void filter(String name, TaskQuery query, int priority) {
    Filter existing = filters.createFilterQuery().filterName(name).singleResult();
    if (existing != null) {
      if (existing.getProperties() == null || !existing.getProperties().containsKey("variables")) {
        Map<String, Object> properties = new java.util.HashMap<>(
            existing.getProperties() == null ? Map.of() : existing.getProperties());
        properties.put("variables", LIST_VARIABLES);
        filters.saveFilter(existing.setProperties(properties));
      }
      return;
    }
    Filter f = filters.newTaskFilter(name).setQuery(query)
        .setProperties(Map.of("priority", priority, "description", name, "refresh", true, "variables", LIST_VARIABLES));
    filters.saveFilter(f);
  }
}
