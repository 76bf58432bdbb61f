package com.yibaoflow.shared.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdNumberTests {

    /** The GB 11643-1999 standard's own example number. */
    private static final String STANDARD_EXAMPLE = "11010519491231002X";

    @Test
    void acceptsTheStandardsExampleAndReadsBirthDateAndSex() {
        ResidentIdNumber id = ResidentIdNumber.parse(STANDARD_EXAMPLE);
        assertThat(id.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(id.sex()).isEqualTo(ResidentIdNumber.Sex.FEMALE);
        assertThat(id.addressCode()).isEqualTo("110105");
    }

    @Test
    void acceptsALowerCaseXAndSurroundingBlanks() {
        assertThat(ResidentIdNumber.parse(" 11010519491231002x ").value()).isEqualTo(STANDARD_EXAMPLE);
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.checkCharacter("34172119900101001"))
                .isEqualTo(ResidentIdNumber.parse(withCheck("34172119900101001"))
                        .value()
                        .charAt(17));
    }

    @Test
    void oddSequenceIsMale() {
        assertThat(ResidentIdNumber.parse(withCheck("34172119900101001")).sex()).isEqualTo(ResidentIdNumber.Sex.MALE);
    }

    @ParameterizedTest
    @CsvSource({
        "110105194912310021, has a wrong check character (GB 11643)",
        "1101051949123100, must be 17 digits followed by a digit or X",
        "11010519491231002Y, must be 17 digits followed by a digit or X",
        "'', is required",
    })
    void rejectsBadNumbersWithAReason(String raw, String reason) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw))
                .isInstanceOf(InvalidResidentIdNumberException.class)
                .hasMessage(reason);
    }

    @Test
    void rejectsAnImpossibleBirthDateEvenWithARightCheckCharacter() {
        assertThatThrownBy(() -> ResidentIdNumber.parse(withCheck("34172119900230001")))
                .hasMessageContaining("impossible birth date 19900230");
    }

    @Test
    void masksAllButTheFirstAndLastFour() {
        assertThat(ResidentIdNumber.parse(STANDARD_EXAMPLE).toString()).isEqualTo("1101**********002X");
    }

    static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
