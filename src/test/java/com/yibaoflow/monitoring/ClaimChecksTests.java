package com.yibaoflow.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.testsupport.IntegrationTest;
import com.yibaoflow.testsupport.TestIds;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The SQL functions the claims import checked every staged row with (V20, made cheaper in V23): the same answers as
 * the Java rules they mirror (GB 11643, the date spellings of {@code Values.parseDate}); and since V61 the import's
 * own Java readings of the cells ({@link ClaimCells}) give the same answers as the functions.
 */
@IntegrationTest
class ClaimChecksTests {

    @Autowired
    JdbcTemplate jdbc;

    @ParameterizedTest
    @CsvSource({
        "2025-01-05, 2025-01-05",
        "2025/1/5, 2025-01-05",
        "2025.1.5, 2025-01-05",
        "20250105, 2025-01-05",
        "2025年1月5日, 2025-01-05",
        "' 2025-12-31 ', 2025-12-31",
        "2024-02-29, 2024-02-29",
        "2000-02-29, 2000-02-29"
    })
    void lenientDateReadsEverySpellingDepartmentsWrite(String text, LocalDate expected) {
        assertThat(jdbc.queryForObject("select yibao.lenient_date(?)", LocalDate.class, text))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-02-29",
                "1900-02-29",
                "2025-02-30",
                "2025-04-31",
                "2025-13-01",
                "2025-00-10",
                "2025-01-00",
                "0000-01-01",
                "2025-1-32",
                "25-01-05",
                "2025-01-05x",
                "yesterday",
                ""
            })
    void lenientDateIsNullForNoRealDay(String text) {
        assertThat(jdbc.queryForObject("select yibao.lenient_date(?)", LocalDate.class, text))
                .isNull();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
    void residentIdValidAgreesWithTheJavaCheckOnEveryCheckCharacter(int seed) {
        String valid = TestIds.number(LocalDate.of(1950 + seed, 1 + seed, 1 + seed), seed);
        assertThat(jdbc.queryForObject("select yibao.resident_id_valid(?)", Boolean.class, valid))
                .isTrue();
        String first17 = valid.substring(0, 17);
        for (char check : "0123456789X".toCharArray()) {
            String candidate = first17 + check;
            assertThat(jdbc.queryForObject("select yibao.resident_id_valid(?)", Boolean.class, candidate))
                    .as(candidate)
                    .isEqualTo(ResidentIdNumber.isValid(candidate));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"34172119900101001", "3417211990010100123", "34172119900101001x", "A41721199001010011"})
    void residentIdValidIsFalseForMalformedNumbers(String text) {
        assertThat(jdbc.queryForObject("select yibao.resident_id_valid(?)", Boolean.class, text))
                .isFalse();
    }

    /** The import reads the cells in Java while the file streams (ClaimStaging, V61): the same days as lenient_date. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "2025-01-05", "2025/1/5", "2025.1.5", "20250105", "2025年1月5日", " 2025-12-31 ", "2024-02-29",
                "2025-1月5", "2025年1月5", "2025-02-29", "1900-02-29", "2025-04-31", "2025-13-01", "2025-00-10",
                "2025-01-00", "0000-01-01", "0001-01-01", "2025-1-32", "25-01-05", "2025-01-05x", "2025-001-05",
                "2025--1-5", "20251305", "yesterday", ""
            })
    void theImportReadsDatesAsLenientDateDoes(String text) {
        LocalDate sql = jdbc.queryForObject("select yibao.lenient_date(?)", LocalDate.class, text);
        String java = ClaimCells.isoDate(text);
        assertThat(java == null ? null : LocalDate.parse(java)).as(text).isEqualTo(sql);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1,234.5",
                "¥400",
                "400元",
                "￥1，000.00元",
                "-3",
                "0",
                "12.345",
                "12.355",
                "-12.345",
                " 12 ",
                "abc",
                "1.",
                ".5",
                "1e5",
                "+5",
                "1.2.3",
                "",
                "--1",
                "99999999999.999"
            })
    void theImportReadsAmountsAsLenientAmountDoes(String text) {
        BigDecimal sql = jdbc.queryForObject("select yibao.lenient_amount(?)", BigDecimal.class, text);
        BigDecimal java = ClaimCells.amount(text);
        if (sql == null) {
            assertThat(java).as(text).isNull();
        } else {
            assertThat(java).as(text).isEqualByComparingTo(sql);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 6, 9})
    void theImportChecksIdNumbersAsResidentIdValidDoes(int seed) {
        String valid = TestIds.number(LocalDate.of(1960 + seed, 2 + seed, 3 + seed), seed);
        for (String candidate : new String[] {
            valid,
            valid.substring(0, 17) + "X",
            valid.substring(0, 17) + "0",
            valid.substring(1),
            "A" + valid.substring(1)
        }) {
            assertThat(ClaimCells.residentIdValid(candidate))
                    .as(candidate)
                    .isEqualTo(jdbc.queryForObject("select yibao.resident_id_valid(?)", Boolean.class, candidate));
        }
    }
}
