package com.yibaoflow;

import java.util.TimeZone;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** YibaoFlow: BPMN case management for a county office of resident basic medical insurance (居民医保). */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class YibaoFlowApplication {

    public static void main(String[] args) {
        // Camunda stores timestamps without a zone: keep the JVM in the offices' zone wherever it runs
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        SpringApplication.run(YibaoFlowApplication.class, args);
    }
}
