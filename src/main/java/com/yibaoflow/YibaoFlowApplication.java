package com.yibaoflow;

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
        SpringApplication.run(YibaoFlowApplication.class, args);
    }
}
