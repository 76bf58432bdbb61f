package com.yibaoflow.shared.imports;

import static com.yibaoflow.testsupport.TestUsers.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.identity.Department;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #16 §8: a NUL in an import cell is that row's error naming the column, never a 500, never stored. Tested
 * with an employee-insurance registry extract, which touches no roster or policy other tests count on.
 */
@IntegrationTest
class ControlCharacterCellTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void R_ELIG_02_anExtractRowWithANulInTheNameIsRejectedNamingTheColumnAndTheOtherRowsAreImported() throws Exception {
        String clean = TestIds.adult();
        String damaged = TestIds.adult();
        String csv = """
                身份证号码,姓名,参保开始日期,参保终止日期,单位名称
                %s,周十,2020/3/1,,池州市某公司
                %s,吴\0一,2020/3/1,,池州市某公司
                """.formatted(clean, damaged);
        mvc.perform(multipart("/api/registries/employee-insurance/imports")
                        .file(new MockMultipartFile(
                                "file", "职工参保.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as(Department.MEDICAL_SECURITY)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.imported").value(1))
                .andExpect(jsonPath("$.rejected").value(1))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].rowNumber").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].reason").value("「姓名」列含有不可见控制字符（U+0000），请删除后重新上传"));
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.employee_insurance_record where id_number = ?",
                        Long.class,
                        damaged))
                .isZero();
        assertThat(jdbc.queryForObject(
                        "select count(*) from yibao.employee_insurance_record where id_number = ?", Long.class, clean))
                .isEqualTo(1);
    }
}
