package com.yibaoflow.browser;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.ProcessDriver;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #21 §5 in a real browser, for the pages our application serves: an auditor opens a case page and sees each
 * process's diagram with the path taken and where it waits (#20 §2); a supervisor's dashboard renders its charts and
 * toggles a chart's table view (#21 §4). One browser session for the class.
 */
@BrowserTest
@InCollectionPeriod
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasePageAndDashboardBrowserTests {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ProcessDriver driver;

    Browser browser;

    @BeforeAll
    void startBrowser() {
        browser = Browser.start(port);
    }

    @AfterAll
    void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAuditorSeesTheCaseDiagramsWithThePathTakenAndWhereItWaits() throws Exception {
        String businessKey = enrollmentWaitingForHardshipVerification();

        browser.openWithBasicLogin(TestUsers.userOf(Department.AUDITORS), TestUsers.PASSWORD, "/cases/" + businessKey);
        browser.await(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        var page = browser.driver;
        assertThat(page.findElement(By.tagName("h1")).getText()).contains("案件办理轨迹");
        assertThat(page.findElements(By.cssSelector(".process .djs-container svg")))
                .hasSize(2);
        assertThat(page.findElements(By.cssSelector(".djs-element.path-done"))).isNotEmpty();
        // the enrollment waits at its call activity, the called verification at civil affairs' task
        assertThat(page.findElements(By.cssSelector(".djs-element.path-waiting")).stream()
                        .map(e -> e.getDomAttribute("data-element-id")))
                .contains("CallActivity_VerifyHardship", "Task_VerifyClaim");
        assertThat(page.findElements(By.cssSelector("#trail tbody tr"))).isNotEmpty();
        browser.screenshot("case-page", "case-page.png");
    }

    @Test
    void theDashboardRendersItsChartsAndTogglesATableView() throws Exception {
        browser.openWithBasicLogin(
                TestUsers.userOf(Department.MEDICAL_SECURITY_SUPERVISORS), TestUsers.PASSWORD, "/dashboard");
        var page = browser.driver;
        for (String chart :
                new String[] {"townships", "subsidies", "tasks", "majorMatters", "warnings", "referrals", "trend"}) {
            // drawn, and its ECharts animation finished (a screenshot mid-animation shows half-grown bars)
            browser.await(d -> !d.findElements(By.cssSelector("#chart-" + chart + "[data-rendered] canvas"))
                    .isEmpty());
        }
        browser.screenshot("dashboard", "dashboard.png");

        WebElement panel = page.findElement(By.cssSelector("section[data-chart=townships]"));
        WebElement table = panel.findElement(By.cssSelector(".table"));
        assertThat(table.isDisplayed()).isFalse();
        panel.findElement(By.cssSelector(".toggle")).click();
        browser.await(d -> table.isDisplayed());
        assertThat(table.findElements(By.tagName("table"))).isNotEmpty();
        assertThat(table.getText()).contains("乡镇");
    }

    /** An enrollment claiming extreme poverty (R-SUB-01): it waits at civil affairs' verification. */
    private String enrollmentWaitingForHardshipVerification() throws Exception {
        JsonNode created = json.readTree(mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"李四",
                                 "residence":"LOCAL_HUKOU","township":"尧渡镇","phone":"13800000000",
                                 "claimedCategories":["EXTREME_POVERTY"]}""".formatted(TestIds.adult())))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        driver.runJobs(created.get("processInstanceId").asText());
        return created.get("businessKey").asText();
    }
}
