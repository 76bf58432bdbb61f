package com.yibaoflow.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.yibaoflow.testsupport.IntegrationTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** Every model in processes/ meets the rules, against the beans of the running application. */
@IntegrationTest
class ProcessModelsTests {

    @Autowired
    ApplicationContext context;

    @Test
    void everyModelInProcessesMeetsTheRules() throws Exception {
        ModelChecker checker = new ModelChecker(Path.of("processes"), Path.of("forms"), context::containsBean);
        assertThat(checker.check()).isEmpty();
    }
}
