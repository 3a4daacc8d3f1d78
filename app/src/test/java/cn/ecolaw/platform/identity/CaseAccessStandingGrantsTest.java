package cn.ecolaw.platform.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.ecolaw.platform.support.PlatformTest;
import cn.ecolaw.platform.support.SqlCounts;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Letting a unit read a process instance reads its groups' standing grants on the process at once (one query for
 * the process, one for "*"; before: two per group and permission), and grants exactly as before: nothing to groups
 * that read every instance anyway, READ on the instance and its history to the others.
 */
@PlatformTest
class CaseAccessStandingGrantsTest {

  @Autowired CaseAccess access;
  @Autowired AuthorizationService authorizations;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aUnitsStandingGrantsAreReadInTwoQueries() {
    // given an instance of the court's process and one of the bureau's
    String courtInstance = "pi-" + UUID.randomUUID();
    String bureauInstance = "pi-" + UUID.randomUUID();

    // when the court (which reads every non-litigation execution) and the mediation unit (which reads none) are let
    // read them
    long reads;
    try (SqlCounts sql = SqlCounts.start(jdbc)) {
      access.letUnitRead("unit-court", courtInstance, ProcessKeys.NON_LITIGATION_EXECUTION);
      reads = sql.executions("%SELECT%FROM ACT_RU_AUTHORIZATION%");
    }
    access.letUnitRead("unit-mediation", bureauInstance, ProcessKeys.ENFORCEMENT_CASE);

    // then two queries for the court's three groups, no grant for them, and the mediator reads the bureau's instance
    assertThat(reads).isEqualTo(2);
    assertThat(authorizations.createAuthorizationQuery().resourceId(courtInstance).count()).isZero();
    assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn("mediator").resourceType(Resources.PROCESS_INSTANCE).resourceId(bureauInstance).count()).isOne();
    assertThat(authorizations.createAuthorizationQuery().authorizationType(Authorization.AUTH_TYPE_GRANT)
        .groupIdIn("mediator").resourceType(Resources.HISTORIC_PROCESS_INSTANCE).resourceId(bureauInstance).count())
        .isOne();
  }
}
