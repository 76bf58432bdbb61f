package com.yibaoflow.monitoring;

import org.springframework.stereotype.Component;

/**
 * The cron of the monthly scan for the timer start event of {@code processes/monitoring-monthly-scan.bpmn}
 * ({@code ${monitoringSchedule.cron}}). The engine evaluates it while it deploys, so this bean must not depend on the
 * engine's services.
 */
@Component("monitoringSchedule")
public class MonitoringSchedule {

    private final MonitoringProperties properties;

    MonitoringSchedule(MonitoringProperties properties) {
        this.properties = properties;
    }

    public String getCron() {
        return properties.monthlyScanCron();
    }
}
