package com.yibaoflow.shared.async;

import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Value;
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

    /**
     * The workers of long imports (a township roster of 100 000 rows runs for minutes): apart from the listeners' pool
     * so an import never delays what the modules hear. {@code yibaoflow.imports.workers} imports run at once, the
     * others wait their turn; on shutdown a running import stops at its next batch boundary and this pool waits for
     * it.
     */
    @Bean
    ThreadPoolTaskExecutor importTaskExecutor(@Value("${yibaoflow.imports.workers:1}") int workers) {
        ThreadPoolTaskExecutor imports = new ThreadPoolTaskExecutor();
        imports.setThreadNamePrefix("import-");
        imports.setCorePoolSize(workers);
        imports.setMaxPoolSize(workers);
        imports.setWaitForTasksToCompleteOnShutdown(true);
        imports.setAwaitTerminationSeconds(30);
        return imports;
    }

    @Override
    public Executor getAsyncExecutor() {
        return executor;
    }
}
