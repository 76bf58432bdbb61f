package com.yibaoflow.monitoring;

import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.ParameterUse;
import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.ProvenanceText;
import com.yibaoflow.policy.calc.benefit.Delivery;
import com.yibaoflow.policy.calc.benefit.InpatientBenefitCalculator;
import com.yibaoflow.policy.calc.benefit.InpatientInput;
import com.yibaoflow.policy.calc.benefit.InpatientResult;
import com.yibaoflow.policy.calc.burden.BurdenCalculator;
import com.yibaoflow.policy.calc.burden.BurdenInput;
import com.yibaoflow.policy.calc.burden.BurdenResult;
import com.yibaoflow.policy.calc.burden.BurdenStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One person's burden verdict (R-MON-01, R-MON-02), pure Java over the sums the scan's SQL returns: the population
 * group from the roster categories, the three layers computed with the policy's inpatient calculator over the yearly
 * totals of the claims without paid amounts (deductibles and caps are annual), the out-of-pocket cost, and the
 * policy's burden calculator's verdict against the group's warning line.
 */
final class BurdenAssessment {

    /** A person's sums from the database: claims with every paid amount ({@code known…}) and those without. */
    record Totals(
            String idNumber,
            int claims,
            BigDecimal total,
            BigDecimal knownScope,
            BigDecimal knownBasic,
            BigDecimal knownCritical,
            BigDecimal knownAssistance,
            BigDecimal unknownTotal,
            BigDecimal unknownScope,
            boolean rural) {}

    private final BurdenCalculator burden = new BurdenCalculator();
    private final InpatientBenefitCalculator benefits = new InpatientBenefitCalculator();

    /** The warning line of every population group (R-MON-02), from the policy's burden parameters. */
    /** The policy's warning line of every population group (R-MON-02), with their provenance in Chinese. */
    record Lines(Map<PopulationGroup, BigDecimal> byGroup, String provenance) {}

    Lines lines(PolicySnapshot snapshot) {
        Map<PopulationGroup, BigDecimal> lines = new EnumMap<>(PopulationGroup.class);
        List<ParameterUse> used = new ArrayList<>();
        for (PopulationGroup group : PopulationGroup.values()) {
            BurdenResult line = burden.calculate(snapshot, new BurdenInput(group, Money.ZERO));
            lines.put(group, line.warningLine());
            line.explanation().forEach(step -> used.addAll(step.parameters()));
        }
        // the referral form shows the lines with their provenance state (issue #17 item 2)
        return new Lines(lines, ProvenanceText.of(used));
    }

    /** R-MON-01 out-of-pocket and R-MON-02 verdict for one candidate; null if below the line. */
    BurdenScans.Warning assess(PolicySnapshot snapshot, Totals person, List<String> listed) {
        Set<HardshipCategory> categories = listed.stream()
                .map(HardshipCategory::parse)
                .filter(c -> c != null)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(HardshipCategory.class)));
        PopulationGroup group = PopulationGroups.of(categories, person.rural());
        BigDecimal basic = person.knownBasic();
        BigDecimal critical = person.knownCritical();
        BigDecimal assistance = person.knownAssistance();
        boolean computed = person.unknownTotal().signum() > 0;
        if (computed) {
            // R-BEN-01..06 over the yearly totals of the claims without paid amounts, after what the others paid
            BigDecimal ciBase = Money.positivePart(person.knownScope().subtract(basic));
            BigDecimal assistanceBase = Money.positivePart(ciBase.subtract(critical));
            InpatientResult layers = benefits.calculate(
                    snapshot,
                    new InpatientInput(
                            person.unknownTotal(),
                            person.unknownScope(),
                            Delivery.NONE,
                            false,
                            categories,
                            null,
                            basic,
                            ciBase,
                            critical,
                            assistanceBase,
                            assistance));
            basic = basic.add(layers.basicFundPayment());
            critical = critical.add(layers.criticalIllnessPayment());
            assistance = assistance.add(layers.medicalAssistance());
        }
        BigDecimal outOfPocket = Money.positivePart(
                person.total().subtract(basic).subtract(critical).subtract(assistance));
        BurdenResult result = burden.calculate(snapshot, new BurdenInput(group, outOfPocket));
        if (result.status() != BurdenStatus.WARNING) {
            return null;
        }
        return new BurdenScans.Warning(
                person.idNumber(),
                group,
                listed,
                person.claims(),
                person.total(),
                basic,
                critical,
                assistance,
                outOfPocket,
                result.warningLine(),
                computed);
    }
}
