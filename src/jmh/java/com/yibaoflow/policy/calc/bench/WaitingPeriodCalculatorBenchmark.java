package com.yibaoflow.policy.calc.bench;

import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.policy.calc.TestSnapshots;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodCalculator;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodInput;
import com.yibaoflow.policy.calc.waiting.WaitingPeriodResult;
import java.time.LocalDate;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** WaitingPeriodCalculator on Dongzhi 2025: a 5-year gap, 2 years back-paid (R-WAIT-01..05). */
@State(Scope.Benchmark)
public class WaitingPeriodCalculatorBenchmark {

    private final WaitingPeriodCalculator calculator = new WaitingPeriodCalculator();
    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();
    private final WaitingPeriodInput input = new WaitingPeriodInput(
            2025,
            LocalDate.of(2025, 3, 10),
            LocalDate.of(1980, 5, 5),
            Residence.LOCAL_HUKOU,
            Set.of(2016, 2017, 2018, 2019),
            2);

    @Benchmark
    public WaitingPeriodResult calculate() {
        return calculator.calculate(snapshot, input);
    }
}
