package com.yibaoflow.audit;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue #20 §7: every deployed process and decision keeps its history as long as the retention rule of docs/audit.md
 * says (records with money: ten years, 3650 days), and Camunda's history cleanup runs in the nightly batch window. A
 * new process or decision fails here until it has been given its place in the rule.
 */
@IntegrationTest
class RetentionTests {

    static final int MONEY = 3650;

    /** The rule: each definition key and its history time to live in days, with why. */
    static final Map<String, Integer> TTL_DAYS = Map.ofEntries(
            entry("enrollment", MONEY), // contributions, subsidies, payments
            entry("hardship-verification", MONEY), // the category that decides a subsidy
            entry("major-matter-request", MONEY), // the approval that activated policy figures
            entry("fund-warning", MONEY), // why a fund-risk warning did or did not lead to a benefit adjustment
            entry("outreach", MONEY), // who was asked to enroll: evidence for the coverage figures
            entry("high-cost-referral", MONEY), // the assistance given to a high-cost patient (R-MON-03)
            entry("monitoring-monthly-scan", 180), // a monthly technical sweep; its scans are recorded in monitoring
            entry("payment-deadline-sweep", 180), // an hourly technical sweep; its effects are in the enrollment
            entry("high-cost-referral-openings", 180), // a technical batch; the referrals it opened keep their own
            entry("hardship-routing", MONEY), // decided inside a hardship verification
            entry("major-matter-routing", MONEY)); // decided inside a major-matter request

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    @Test
    void everyProcessAndDecisionKeepsItsHistoryAsTheRuleSays() {
        Map<String, Integer> deployed = new TreeMap<>();
        for (ProcessDefinition p :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            deployed.put(p.getKey(), p.getHistoryTimeToLive());
        }
        for (DecisionDefinition d :
                repository.createDecisionDefinitionQuery().latestVersion().list()) {
            deployed.put(d.getKey(), d.getHistoryTimeToLive());
        }
        assertThat(deployed).isEqualTo(new TreeMap<>(TTL_DAYS));
    }

    @Test
    void historyCleanupRunsInTheNightlyBatchWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(configuration.isHistoryCleanupEnabled()).isTrue();
        // removal-time based (the default): an instance's history goes when its TTL after its end has passed
        assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    }
}
