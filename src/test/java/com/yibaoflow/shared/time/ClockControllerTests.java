package com.yibaoflow.shared.time;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.yibaoflow.testsupport.IntegrationTest;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Issue #21 §2: the webapps read the system's "now" without login, and whether a demo or a test shifted it. */
@IntegrationTest
class ClockControllerTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ShiftableClock clock;

    @Test
    void tellsTheShiftedDayOfADemo() throws Exception {
        clock.setToday(LocalDate.of(2024, 11, 15), LocalTime.of(9, 0));
        try {
            mvc.perform(get("/clock"))
                    .andExpect(status().isOk())
                    .andExpect(header().string("Cache-Control", "no-store"))
                    .andExpect(jsonPath("$.now").value(startsWith("2024-11-15T09:0")))
                    .andExpect(jsonPath("$.now").value(endsWith("+08:00")))
                    .andExpect(jsonPath("$.zone").value("Asia/Shanghai"))
                    .andExpect(jsonPath("$.shifted").value(true));
        } finally {
            clock.reset();
        }
    }

    @Test
    void saysTheWallClockIsNotShifted() throws Exception {
        mvc.perform(get("/clock"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.shifted").value(false));
    }
}
