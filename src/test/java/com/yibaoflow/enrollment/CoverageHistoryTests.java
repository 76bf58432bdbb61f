package com.yibaoflow.enrollment;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.InCollectionPeriod;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue #17 item 4: coverage from before this system (the provincial platform's export) counts in the waiting
 * period and continuity rules (R-WAIT-01/03), and the explanation names where each year comes from.
 */
@IntegrationTest
@InCollectionPeriod
class CoverageHistoryTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    ResultActions upload(String csv) throws Exception {
        return mvc.perform(multipart("/api/registries/coverage-history/imports")
                .file(new MockMultipartFile("file", "参保历史.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .with(as(Department.MEDICAL_SECURITY)));
    }

    JsonNode apply(String idNumber) throws Exception {
        return json.readTree(mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                {"regionCode":"341721","coverageYear":2025,"idNumber":"%s","name":"历史","residence":"LOCAL_HUKOU",
                 "township":"尧渡镇","claimedCategories":[]}""".formatted(idNumber)))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString());
    }

    @Test
    void R_WAIT_03_coverageHistoryImportsIdempotentlyWithBadRowsNamed() throws Exception {
        String person = TestIds.adult();
        String file = """
                省医保信息平台参保历史导出
                身份证号码,姓名,参保地区代码,参保年度,险种,参保开始日期,参保终止日期
                %1$s,钱一,341721,2022,城乡居民,2022-01-01,2022-12-31
                %1$s,钱一,341702,2023年,职工,2023-01-01,2023-12-31
                %2$s,钱二,341721,2023,新农合,2023-01-01,2023-12-31
                %3$s,钱三,3417,2023,居民,,
                %4$s,钱四,341721,二〇二三,居民,,
                """.formatted(person, TestIds.adult(), TestIds.adult(), TestIds.adult());
        upload(file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.rejected").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("scheme"))
                .andExpect(jsonPath("$.errors[1].field").value("regionCode"))
                .andExpect(jsonPath("$.errors[2].field").value("coverageYear"));
        upload(file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(0))
                .andExpect(jsonPath("$.unchanged").value(2));
    }

    @Test
    void R_WAIT_01_R_WAIT_03_yearsFromBeforeThisSystemCountAndTheExplanationNamesTheirSource() throws Exception {
        // covered 2022 and 2023 before this system, nothing in 2024: one year missed before 2025
        String returning = TestIds.adult();
        upload("""
                身份证号码,参保地区代码,参保年度,险种
                %1$s,341721,2022,居民
                %1$s,341721,2023,城乡居民
                """.formatted(returning))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2));
        JsonNode withHistory = apply(returning);
        // the same application without any history on record: a first enrollment in the collection period
        JsonNode firstTime = apply(TestIds.adult());

        assertThat(firstTime.at("/figures/waitingVariableMonths").asInt()).isZero();
        assertThat(withHistory.at("/figures/waitingVariableMonths").asInt())
                .as("2024 missed after coverage in 2022–2023: %s", withHistory.at("/figures/waitingExplanation"))
                .isEqualTo(firstTime.at("/figures/waitingVariableMonths").asInt() + 1);
        assertThat(withHistory.at("/figures/waitingExplanation").toString())
                .contains("2022 (coverage history import (341721, resident scheme))")
                .contains("2023 (coverage history import (341721, resident scheme))");
        assertThat(firstTime.at("/figures/waitingExplanation").toString()).doesNotContain("coverage history import");
    }
}
