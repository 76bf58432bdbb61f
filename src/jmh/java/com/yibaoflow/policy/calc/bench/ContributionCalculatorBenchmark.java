package com.yibaoflow.policy.calc.bench;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.TestSnapshots;
import com.yibaoflow.policy.calc.contribution.ContributionCalculator;
import com.yibaoflow.policy.calc.contribution.ContributionInput;
import com.yibaoflow.policy.calc.contribution.ContributionResult;
import com.yibaoflow.policy.calc.contribution.Payer;
import com.yibaoflow.policy.calc.contribution.Relationship;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** ContributionCalculator on Dongzhi 2025: two categories (R-SUB-09) and a close-relative payer (R-FUND-06). */
@State(Scope.Benchmark)
public class ContributionCalculatorBenchmark {

    private final ContributionCalculator calculator = new ContributionCalculator();
    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();
    private final ContributionInput input = new ContributionInput(
            Residence.NON_LOCAL_RESIDENT,
            Set.of(HardshipCategory.MINIMUM_LIVING, HardshipCategory.SEVERE_DISABILITY),
            new Payer("342921198001011234", "王芳", Relationship.PARENT));

    @Benchmark
    public ContributionResult calculate() {
        return calculator.calculate(snapshot, input);
    }
}
