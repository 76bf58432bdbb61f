package com.yibaoflow.policy.calc.bench;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.TestSnapshots;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitCalculator;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitInput;
import com.yibaoflow.policy.calc.incentive.CriticalIllnessLimitResult;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** CriticalIllnessLimitCalculator on Dongzhi 2025: raises above the 20 % cap (R-WAIT-06/07). */
@State(Scope.Benchmark)
public class CriticalIllnessLimitCalculatorBenchmark {

    private final CriticalIllnessLimitCalculator calculator = new CriticalIllnessLimitCalculator();
    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();
    private final CriticalIllnessLimitInput input =
            new CriticalIllnessLimitInput(20, 10, Set.of(HardshipCategory.POVERTY_MONITORING));

    @Benchmark
    public CriticalIllnessLimitResult calculate() {
        return calculator.calculate(snapshot, input);
    }
}
