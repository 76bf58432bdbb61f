package com.yibaoflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.SchemaOwner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The platform stands: PostgreSQL, our migrations, the engine with authorization checks, the departments. */
@IntegrationTest
class PlatformIntegrationTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identityService;

    @Autowired
    Flyway flyway;

    @Test
    void runsOnPostgresql() {
        assertThat(jdbc.queryForObject("select version()", String.class)).startsWith("PostgreSQL 16");
    }

    @Test
    void appliesOurMigrationsInTheirOwnSchema() {
        // the migrations' bookkeeping is the schema owner's alone (V57): the application's role cannot read it
        assertThat(SchemaOwner.jdbc(flyway)
                        .queryForList(
                                "select version from yibao.flyway_schema_history where success order by installed_rank",
                                String.class))
                .contains("1", "2");
        assertThat(jdbc.queryForObject("select count(*) from yibao.region", Integer.class))
                .isGreaterThanOrEqualTo(3);
        // Camunda's tables live beside ours, created by the engine
        assertThat(jdbc.queryForObject(
                        "select count(*) from information_schema.tables where table_schema = 'public' "
                                + "and table_name = 'act_ru_execution'",
                        Integer.class))
                .isEqualTo(1);
    }

    @Test
    void engineChecksAuthorizations() {
        assertThat(engine.getProcessEngineConfiguration().isAuthorizationEnabled())
                .isTrue();
    }

    @Test
    void theSpringEventingBridgeIsOffNoListenerOnEveryActivityNoHistoryPublisher() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<Object> added = new ArrayList<>();
        added.addAll(Optional.ofNullable(configuration.getCustomPreBPMNParseListeners())
                .orElse(List.of()));
        added.addAll(Optional.ofNullable(configuration.getCustomPostBPMNParseListeners())
                .orElse(List.of()));
        added.addAll(Optional.ofNullable(configuration.getCustomHistoryEventHandlers())
                .orElse(List.of()));
        assertThat(added)
                .extracting(o -> o.getClass().getName())
                .noneMatch(name -> name.startsWith("org.camunda.bpm.spring.boot.starter.event."));
    }

    @Test
    void everyDepartmentIsACamundaGroupWithTasklistAccess() {
        Arrays.stream(Department.values())
                .forEach(d -> assertThat(identityService
                                .createGroupQuery()
                                .groupId(d.groupId())
                                .singleResult())
                        .as(d.groupId())
                        .isNotNull());
        assertThat(engine.getAuthorizationService()
                        .createAuthorizationQuery()
                        .groupIdIn(Department.CIVIL_AFFAIRS.groupId())
                        .resourceType(Resources.APPLICATION)
                        .resourceId("tasklist")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void createsTheAdministratorFromConfiguration() {
        assertThat(identityService.checkPassword("admin", "admin-secret")).isTrue();
        assertThat(identityService
                        .createUserQuery()
                        .userId("admin")
                        .memberOfGroup("camunda-admin")
                        .count())
                .isEqualTo(1);
    }
}
