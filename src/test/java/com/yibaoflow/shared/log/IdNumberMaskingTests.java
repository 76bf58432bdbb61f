package com.yibaoflow.shared.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.Test;

class IdNumberMaskingTests {

    @Test
    void masksEveryIdNumberInAText() {
        assertThat(IdNumberMasking.mask("case ENR-341721-2025-11010519491231002X for 341721199001010011 paid"))
                .isEqualTo("case ENR-341721-2025-1101**********002X for 3417**********0011 paid");
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertThat(IdNumberMasking.mask("amount 400.00, reference 20241115000000000001234, region 341721"))
                .isEqualTo("amount 400.00, reference 20241115000000000001234, region 341721");
    }

    @Test
    void logMessagesAndStackTracesAreMasked() {
        Logger logger = new LoggerContext().getLogger("test");
        LoggingEvent event = new LoggingEvent(
                "test",
                logger,
                Level.INFO,
                "person {} enrolled",
                new IllegalStateException("duplicate 11010519491231002X"),
                new Object[] {"11010519491231002X"});
        MaskingMessageConverter message = new MaskingMessageConverter();
        MaskingThrowableConverter throwable = new MaskingThrowableConverter();
        throwable.start();
        assertThat(message.convert(event)).isEqualTo("person 1101**********002X enrolled");
        assertThat(throwable.convert(event))
                .contains("duplicate 1101**********002X")
                .doesNotContain("19491231");
    }
}
