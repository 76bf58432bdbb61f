package com.yibaoflow.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Registers every test application context with {@link CloseContextsAtEnd} (listed in spring.factories). */
public class ContextRegistration implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        CloseContextsAtEnd.register(context);
    }
}
