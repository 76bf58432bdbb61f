package com.yibaoflow.shared.imports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import com.yibaoflow.testsupport.TestPolicies;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import java.nio.charset.StandardCharsets;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue #16 §8: a NUL in an import cell is that row's error naming the column, never a 500, never stored. */
@IntegrationTest
class ControlCharacterCellTests {

    static final String REGION = "341722";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PolicyService policies;

    @Test
    void aRosterRowWithANulInTheNameIsRejectedNamingTheColumnAndTheOtherRowsAreImported() throws Exception {
        TestPolicies.ensureActive(policies, REGION, 2025);
        String clean = TestIds.adult();
        String damaged = TestIds.adult();
        String csv = """
                身份证号码,姓名,困难类别,认定起始日期,认定终止日期,乡镇
                %s,甲,低保对象,2024-01-01,,仁里镇
                %s,乙\0,低保对象,2024-01-01,,仁里镇
                """.formatted(clean, damaged);
        String body = mvc.perform(multipart("/api/rosters/imports")
                        .file(new MockMultipartFile("file", "花名册.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("department", "civil-affairs").param("asOf", "2024-10-01").param("regionCode", REGION)
                        .with(as(Department.CAMUNDA_ADMIN)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode report = json.readTree(body);
        assertThat(report.get("rows").asInt()).isEqualTo(2);
        assertThat(report.get("accepted").asInt()).isEqualTo(1);
        assertThat(report.get("errors")).singleElement().satisfies(e -> {
            assertThat(e.get("rowNumber").asInt()).isEqualTo(3);
            assertThat(e.get("field").asText()).isEqualTo("name");
            assertThat(e.get("reason").asText()).isEqualTo("「姓名」列含有不可见控制字符（U+0000），请删除后重新上传");
        });
        assertThat(jdbc.queryForObject("select count(*) from yibao.roster_entry where id_number = ?", Long.class,
                damaged)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from yibao.roster_entry where id_number = ?", Long.class,
                clean)).isEqualTo(1);
    }
}
