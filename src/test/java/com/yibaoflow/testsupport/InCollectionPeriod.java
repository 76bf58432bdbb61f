package com.yibaoflow.testsupport;

import com.yibaoflow.shared.time.ShiftableClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Each test starts on Friday 2024-11-15, 09:00, inside Dongzhi's 2025 collection period (2024-09-01 … 2024-12-31),
 * and the shared clock (and the engine's with it) is reset afterwards, whatever the test did to it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(InCollectionPeriod.Extension.class)
public @interface InCollectionPeriod {

    LocalDate DAY = LocalDate.of(2024, 11, 15);

    class Extension implements BeforeEachCallback, AfterEachCallback {

        @Override
        public void beforeEach(ExtensionContext context) {
            clock(context).setToday(DAY, LocalTime.of(9, 0));
        }

        @Override
        public void afterEach(ExtensionContext context) {
            clock(context).reset();
        }

        private static ShiftableClock clock(ExtensionContext context) {
            return SpringExtension.getApplicationContext(context).getBean(ShiftableClock.class);
        }
    }
}
