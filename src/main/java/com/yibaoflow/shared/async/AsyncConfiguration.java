package com.yibaoflow.shared.async;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The application's one pool for background work: the modules' event listeners ({@code @ApplicationModuleListener}
 * is asynchronous) and other {@code @Async} work. Declared here because Camunda's job executor brings a
 * {@code TaskExecutor} of its own, before which Spring Boot's would back off and {@code @Async} would have no
 * unambiguous executor. Sized by {@code spring.task.execution.*}.
 *
 * <p>Shutdown is orderly: when the context closes, a delivery that has not started yet is not started (its event
 * stays owed in the event publication registry, which delivers it again at the next start), and the close waits for
 * the running ones (at most {@code spring.task.execution.shutdown.await-termination-period}) before the engine, the
 * JPA EntityManagerFactory and the database go. Before, the pool worked through its whole queue during the close: a
 * burden scan's 23 620 {@code ReferralOpened} events outlasted the 30 s wait, and the audit listener's remaining
 * deliveries failed with "EntityManagerFactory is closed" once JPA had been shut down underneath them.
 */
@Configuration(proxyBeanMethods = false)
@EnableAsync
class AsyncConfiguration implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(AsyncConfiguration.class);

    private final ApplicationContext context;
    private final Duration awaitRunning;
    private final ThreadPoolTaskExecutor executor;
    private volatile boolean closing;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicLong deferred = new AtomicLong();

    AsyncConfiguration(
            ThreadPoolTaskExecutorBuilder builder,
            ApplicationContext context,
            @Value("${spring.task.execution.shutdown.await-termination-period:30s}") Duration awaitRunning) {
        this.context = context;
        this.awaitRunning = awaitRunning;
        this.executor = builder.taskDecorator(task -> () -> {
                    if (closing) {
                        deferred.incrementAndGet(); // owed in the registry, delivered at the next start
                        return;
                    }
                    running.incrementAndGet();
                    try {
                        task.run();
                    } finally {
                        running.decrementAndGet();
                    }
                })
                .build();
    }

    @Bean(name = {"applicationTaskExecutor", "taskExecutor"})
    ThreadPoolTaskExecutor applicationTaskExecutor() {
        return executor;
    }

    /** First thing of a close: no new delivery starts; the running ones finish while everything is still up. */
    @EventListener
    void stopStartingWork(ContextClosedEvent event) throws InterruptedException {
        if (event.getApplicationContext() != context) {
            return;
        }
        closing = true;
        long deadline = System.nanoTime() + awaitRunning.toNanos();
        while (running.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int queued = executor.getThreadPoolExecutor().getQueue().size();
        if (running.get() > 0) {
            log.warn("{} background tasks still running after {}; closing anyway", running.get(), awaitRunning);
        }
        if (queued > 0 || deferred.get() > 0) {
            log.info(
                    "Closing: {} queued event deliveries are left to the event publication registry for the next start",
                    queued + deferred.get());
        }
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
