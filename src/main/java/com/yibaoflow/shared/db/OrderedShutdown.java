package com.yibaoflow.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.EventListener;
import sun.misc.Signal;

/**
 * On Ctrl-C (SIGINT) or SIGTERM, closes the application context before the JVM runs its shutdown hooks.
 *
 * <p>Why: the embedded PostgreSQL library registers a JVM shutdown hook that stops the server, and JVM hooks run
 * concurrently with Spring's own. Left alone, the server could stop while the process engine still writes (metrics,
 * job locks) or a request is still being served. Closing the context first stops the web server gracefully, then
 * the engine, then the pool, then the server; the library's hook then finds nothing left to do.
 */
class OrderedShutdown {

    private static final Logger log = LoggerFactory.getLogger(OrderedShutdown.class);

    @EventListener
    void install(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    log.info("SIG{} received: stopping the application, then the embedded PostgreSQL", name);
                    // an orderly stop that was asked for is a success: exit 0, so `mvn spring-boot:run` shows no error
                    System.exit(SpringApplication.exit(context));
                });
            } catch (IllegalArgumentException e) {
                log.debug("Signal {} cannot be handled on this platform", name);
            }
        }
    }
}
