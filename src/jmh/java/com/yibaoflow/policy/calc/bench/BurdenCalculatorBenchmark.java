package com.yibaoflow.policy.calc.bench;

import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.TestSnapshots;
import com.yibaoflow.policy.calc.burden.BurdenCalculator;
import com.yibaoflow.policy.calc.burden.BurdenInput;
import com.yibaoflow.policy.calc.burden.BurdenResult;
import java.math.BigDecimal;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** BurdenCalculator on Dongzhi 2025: a ratio warning line (R-MON-01/02). */
@State(Scope.Benchmark)
public class BurdenCalculatorBenchmark {

    private final BurdenCalculator calculator = new BurdenCalculator();
    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();
    private final BurdenInput input = new BurdenInput(PopulationGroup.FORMERLY_POOR, new BigDecimal("12000.00"));

    @Benchmark
    public BurdenResult calculate() {
        return calculator.calculate(snapshot, input);
    }
}
