package com.yibaoflow.policy.calc.bench;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.TestSnapshots;
import com.yibaoflow.policy.calc.benefit.Delivery;
import com.yibaoflow.policy.calc.benefit.InpatientBenefitCalculator;
import com.yibaoflow.policy.calc.benefit.InpatientInput;
import com.yibaoflow.policy.calc.benefit.InpatientResult;
import java.math.BigDecimal;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * InpatientBenefitCalculator on Dongzhi 2025: a large stay through all three layers, favoured category, several
 * critical-illness segments (R-BEN-01, R-BEN-02, R-BEN-05, R-BEN-06).
 */
@State(Scope.Benchmark)
public class InpatientBenefitCalculatorBenchmark {

    private final InpatientBenefitCalculator calculator = new InpatientBenefitCalculator();
    private final PolicySnapshot snapshot = TestSnapshots.dongzhi2025();
    private final InpatientInput input = new InpatientInput(
            new BigDecimal("260000.00"),
            new BigDecimal("240000.00"),
            Delivery.NONE,
            false,
            Set.of(HardshipCategory.MINIMUM_LIVING, HardshipCategory.POVERTY_MONITORING),
            new BigDecimal("3000.00"),
            new BigDecimal("12000.00"),
            new BigDecimal("9000.00"),
            BigDecimal.ZERO,
            new BigDecimal("2000.00"),
            new BigDecimal("1000.00"));

    @Benchmark
    public InpatientResult calculate() {
        return calculator.calculate(snapshot, input);
    }
}
