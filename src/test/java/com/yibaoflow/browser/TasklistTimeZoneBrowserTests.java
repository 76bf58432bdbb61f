package com.yibaoflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #21 §1, "dates in Tasklist show in Asia/Shanghai": a browser whose machine is set to New York time opens
 * Tasklist, and the dates Tasklist formats (through a Date's local fields, which moment and Angular read) are China
 * time. A blank page, without Tasklist's configuration, shows that the browser really is on New York time.
 */
@BrowserTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistTimeZoneBrowserTests {

    /** 2024-11-15 01:00 UTC is 09:00 in China and 20:00 the day before in New York. */
    private static final String PROBE = """
            const d = new Date(Date.UTC(2024, 10, 15, 1, 0, 0));
            const local = new Date(2024, 10, 15, 9, 0);
            const parsed = new Date('2024-11-15T09:00:00');
            const set = new Date(Date.UTC(2024, 10, 15, 1, 0, 0));
            set.setHours(23, 30);
            return [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getTimezoneOffset(),
                    local.getTime() === d.getTime(), parsed.getTime() === d.getTime(),
                    set.toISOString()];
            """;

    @LocalServerPort
    int port;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port, "America/New_York");
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void tasklistShowsChinaTimeOnAMachineSetToAnotherZone() {
        browser.driver.get("about:blank");
        Object outside = ((JavascriptExecutor) browser.driver)
                .executeScript("return new Date(Date.UTC(2024, 10, 15, 1, 0, 0)).getHours()");
        assertThat(outside).as("the browser's own zone: New York").isEqualTo(20L);

        new TasklistPage(browser).open();
        List<Object> inTasklist = (List<Object>) ((JavascriptExecutor) browser.driver).executeScript(PROBE);

        assertThat(inTasklist).containsExactly(2024L, 10L, 15L, 9L, -480L, true, true, "2024-11-15T15:30:00.000Z");
    }
}
