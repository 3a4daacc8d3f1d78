package cn.ecolaw.platform.operations;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's scraping account (issue 14): user {@value #USER} (password = user name) in group
 * {@value #GROUP}, which may read {@code /actuator/*} and nothing else: no unit, no case group, no Camunda
 * authorization. In production the operator creates such an account (or puts Prometheus's account in a group of
 * {@code platform.operations.reader-groups}). Idempotent.
 */
@Component
@ConditionalOnProperty(name = "platform.demo.enabled", havingValue = "true")
public class MonitorAccountInitializer {

  public static final String USER = "monitor";
  public static final String GROUP = "ops-monitor";

  private final IdentityService identity;

  public MonitorAccountInitializer(IdentityService identity) {
    this.identity = identity;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(5)
  public void create() {
    createAccount(identity);
  }

  public static void createAccount(IdentityService identity) {
    if (identity.createGroupQuery().groupId(GROUP).count() == 0) {
      Group group = identity.newGroup(GROUP);
      group.setName("运维监控");
      group.setType("SYSTEM");
      identity.saveGroup(group);
    }
    if (identity.createUserQuery().userId(USER).count() == 0) {
      User user = identity.newUser(USER);
      user.setFirstName("运维");
      user.setLastName("监控");
      user.setPassword(USER);
      identity.saveUser(user);
    }
    if (identity.createUserQuery().userId(USER).memberOfGroup(GROUP).count() == 0) {
      identity.createMembership(USER, GROUP);
    }
  }
}
