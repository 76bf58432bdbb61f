package com.yibaoflow.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Closes the cached Spring test contexts when the JUnit session ends, newest first, before the JVM's shutdown hooks
 * run: otherwise the embedded PostgreSQL's own hook can stop the server while a context's engine still writes.
 */
public class CloseContextsAtEnd implements LauncherSessionListener {

    private static final List<ConfigurableApplicationContext> CONTEXTS =
            Collections.synchronizedList(new ArrayList<>());

    static void register(ConfigurableApplicationContext context) {
        CONTEXTS.add(context);
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        List<ConfigurableApplicationContext> contexts;
        synchronized (CONTEXTS) {
            contexts = new ArrayList<>(CONTEXTS);
            CONTEXTS.clear();
        }
        Collections.reverse(contexts);
        contexts.forEach(ConfigurableApplicationContext::close);
    }
}
