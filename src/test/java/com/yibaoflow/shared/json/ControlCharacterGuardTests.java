package com.yibaoflow.shared.json;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
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

/** Issue #16 §8: a NUL or another control character in any JSON text field is a 400 naming the field. */
@IntegrationTest
class ControlCharacterGuardTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void textWithControlCharactersIsFoundAndNamed() {
        assertThat(ControlCharacterGuard.problemOf("张\u0000伟"))
                .isEqualTo("contains the control character U+0000 at " + "position 2");
        assertThat(ControlCharacterGuard.problemOf("a\u001bb")).contains("U+001B");
        assertThat(ControlCharacterGuard.problemOf("a\u007f")).contains("U+007F");
        assertThat(ControlCharacterGuard.problemOf("第一行\n第二行\t备注\r")).isNull();
        assertThat(ControlCharacterGuard.problemOf("")).isNull();
    }

    @Test
    void aNulInANameIsA400NamingTheFieldAndNothingIsWritten() throws Exception {
        long before = jdbc.queryForObject("select count(*) from yibao.enrollment_case", Long.class);
        mvc.perform(post("/api/enrollments")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"regionCode":"341721","coverageYear":2025,"idNumber":"341721198506010018",
                                 "name":"张\\u0000伟","residence":"LOCAL_HUKOU","township":"尧渡镇"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("https://yibaoflow.github.io/problems/validation"))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(
                        jsonPath("$.errors[0].message").value("contains the control character U+0000 at position 2"));
        mvc.perform(post("/api/hardship-verifications")
                        .with(as(Department.MEDICAL_SECURITY))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"idNumber":"341721198506010018","personName":"张伟","regionCode":"341721",
                                 "coverageYear":2025,"claimedCategories":["MINIMUM\\u0007LIVING"]}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("claimedCategories[0]"));
        assertThat(jdbc.queryForObject("select count(*) from yibao.enrollment_case", Long.class))
                .isEqualTo(before);
    }
}
