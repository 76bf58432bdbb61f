package com.yibaoflow.shared.async;

import java.util.concurrent.Executor;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The application's one pool for background work: the modules' event listeners ({@code @ApplicationModuleListener}
 * is asynchronous) and other {@code @Async} work. Declared here because Camunda's job executor brings a
 * {@code TaskExecutor} of its own, before which Spring Boot's would back off and {@code @Async} would have no
 * unambiguous executor. Sized by {@code spring.task.execution.*}; shutdown waits for running work.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration implements AsyncConfigurer {

    private final ThreadPoolTaskExecutor executor;

    AsyncConfiguration(ThreadPoolTaskExecutorBuilder builder) {
        this.executor = builder.build();
    }

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor() {
        return executor;
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }
}
