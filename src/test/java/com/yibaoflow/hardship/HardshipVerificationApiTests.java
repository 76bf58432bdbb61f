package com.yibaoflow.hardship;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** {@code POST /api/hardship-verifications} refuses bad input field by field (Bean Validation), writing nothing. */
@IntegrationTest
class HardshipVerificationApiTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyMissingOrInvalidFieldIsNamedAndNothingIsStarted() throws Exception {
        long before = verifications();
        mvc.perform(post("/api/hardship-verifications")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"341721198506010019","personName":" ","claimedCategories":[]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/validation"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(containsInAnyOrder(
                                "idNumber", "personName", "regionCode", "coverageYear", "claimedCategories")));
        assertThat(verifications()).isEqualTo(before);
    }

    @Test
    void anUnknownCategoryIsNamedByItsPosition() throws Exception {
        mvc.perform(post("/api/hardship-verifications")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"341721198506010018","personName":"张伟","regionCode":"341721",
                                 "coverageYear":2025,"claimedCategories":["MINIMUM_LIVING","RICH"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("claimedCategories[1]"));
    }

    private long verifications() {
        return jdbc.queryForObject("select count(*) from yibao.hardship_verification", Long.class);
    }
}
