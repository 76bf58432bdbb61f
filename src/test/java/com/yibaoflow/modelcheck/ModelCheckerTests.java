package com.yibaoflow.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker itself: it accepts a good model and reports every kind of fault in a broken one. */
class ModelCheckerTests {

    private static final Path FIXTURES = Path.of("src/test/resources/model-check");

    @Test
    void acceptsAModelThatMeetsEveryRule() throws Exception {
        ModelChecker checker = new ModelChecker(
                FIXTURES.resolve("good/processes"), FIXTURES.resolve("good/forms"), "knownBean"::equals);
        assertThat(checker.check()).isEmpty();
    }

    @Test
    void reportsEveryFaultOfABrokenModel() throws Exception {
        List<String> problems =
                new ModelChecker(FIXTURES.resolve("broken"), FIXTURES.resolve("good/forms"), bean -> false).check();
        assertThat(problems)
                .anyMatch(p -> p.contains("process broken has no historyTimeToLive"))
                .anyMatch(p -> p.contains("Task_Unnamed has no name"))
                .anyMatch(p -> p.contains("EndEvent_NoShape has no diagram shape"))
                .anyMatch(p -> p.contains("candidate group 'no-such-department', which does not exist"))
                .anyMatch(p -> p.contains("refers to form 'no-such-form'"))
                .anyMatch(p -> p.contains("delegate bean 'noSuchBean', which does not exist"))
                .anyMatch(p -> p.contains("Task_ByClass does not call a delegate bean by name"))
                .anyMatch(p -> p.contains("Task_NoGroups has no candidate groups"));
    }

    @Test
    void reportsADelegateBeanThatTheContextLacks() throws Exception {
        ModelChecker checker =
                new ModelChecker(FIXTURES.resolve("good/processes"), FIXTURES.resolve("good/forms"), bean -> false);
        assertThat(checker.check())
                .containsExactly(
                        "good.bpmn: service task Task_Record calls delegate bean 'knownBean', which does not exist");
    }
}
