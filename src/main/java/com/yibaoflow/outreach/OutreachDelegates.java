package com.yibaoflow.outreach;

import com.yibaoflow.shared.process.ProcessVariables;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delegate {@code processes/outreach.bpmn} calls: the township recorded why people are not enrolled. */
@Configuration(proxyBeanMethods = false)
class OutreachDelegates {

    @Bean
    JavaDelegate recordOutreachResult(OutreachService outreach) {
        return execution -> outreach.close(
                ProcessVariables.longValue(execution, "outreachId"),
                "RECORDED",
                ProcessVariables.string(execution, "outreachNote"));
    }
}
