package com.yibaoflow.testsupport;

import com.yibaoflow.shared.id.ResidentIdNumber;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid (GB 11643) resident ID numbers of Dongzhi County (341721), a new person on every call in this JVM. */
public final class TestIds {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private TestIds() {}

    /** Someone born in the 1970s–1990s. */
    public static String adult() {
        int n = SEQUENCE.incrementAndGet();
        return bornOn(LocalDate.of(1970, 1, 1).plusDays(n * 7L % 9000), n);
    }

    /** A person born on the day (the sequence keeps numbers unique). */
    public static String bornOn(LocalDate birthDate) {
        return bornOn(birthDate, SEQUENCE.incrementAndGet());
    }

    /** The number of the given birth date and sequence (0–999); the caller keeps them unique. */
    public static String number(LocalDate birthDate, int sequence) {
        return bornOn(birthDate, sequence);
    }

    private static String bornOn(LocalDate birthDate, int n) {
        String first17 = "341721" + birthDate.format(BASIC) + String.format("%03d", n % 1000);
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    /** The same number with a wrong check character. */
    public static String withWrongCheckDigit(String idNumber) {
        char right = idNumber.charAt(17);
        char wrong = right == '1' ? '2' : '1';
        return idNumber.substring(0, 17) + wrong;
    }
}
