package com.yibaoflow.policy.calc.waiting;

import com.yibaoflow.policy.calc.Explanation;
import com.yibaoflow.policy.calc.ExplanationStep;
import com.yibaoflow.policy.calc.InvalidCalculationInputException;
import com.yibaoflow.policy.calc.Money;
import com.yibaoflow.policy.calc.ParameterUse;
import com.yibaoflow.policy.calc.PolicySnapshot;
import com.yibaoflow.policy.calc.Rule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a back-payment (补缴) costs and how much of it a payment covers (R-WAIT-04). Readings, in the order they are
 * tested:
 * <ol>
 *   <li>The years paid back are the most recent missed years: {@code coverageYear − 1} down to
 *       {@code coverageYear − n}, {@code n = min(declared, missedYears)} (the gap right before the coverage year is
 *       the one R-WAIT-03 counts). A declared year beyond the missed years costs nothing and removes nothing.</li>
 *   <li>Each year costs that year's individual standard ({@code funding.individualStandard}) from that year's policy
 *       version, with its provenance; hardship subsidies of the current year do not apply to earlier years. A year
 *       with no policy version on record is refused ({@code paidBackYears}), never priced at today's standard.</li>
 *   <li>The amount due is the current year's personal due plus every back-paid year.</li>
 *   <li>A payment covers whole years only: after the current year's due, the years are counted from the most recent
 *       one while the remainder pays a whole year; money left over counts for no year (and is named).</li>
 * </ol>
 */
public final class BackPaymentCalculator {

    /** One back-paid year of the breakdown. */
    public record Year(int year, BigDecimal individualStandard, String policyVersion, ParameterUse standard) {}

    /**
     * The back-payment of a case.
     *
     * @param years       most recent first
     * @param total       the sum of the years, scale 2
     * @param explanation one R-WAIT-04 step per year and one for the sum
     */
    public record Result(List<Year> years, BigDecimal total, List<ExplanationStep> explanation) {
        public int count() {
            return years.size();
        }
    }

    /** How many back-paid years a payment covers (whole years only). */
    public record Coverage(int yearsCovered, int yearsDue, BigDecimal uncounted, ExplanationStep explanation) {}

    /**
     * @param current     the current coverage year's snapshot (for the explanation)
     * @param declared    years the applicant declared paid back (≥ 0)
     * @param missedYears consecutive years missed right before the coverage year (R-WAIT-03)
     * @param byYear      the policy snapshot of every earlier year on record (missing years are simply absent)
     */
    public Result calculate(
            PolicySnapshot current, int declared, int missedYears, Map<Integer, PolicySnapshot> byYear) {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(byYear, "byYear");
        if (declared < 0) {
            throw new InvalidCalculationInputException("paidBackYears", "must not be negative, was " + declared);
        }
        int n = Math.min(declared, Math.max(0, missedYears));
        List<Year> years = new ArrayList<>();
        List<ExplanationStep> steps = new ArrayList<>();
        BigDecimal total = Money.ZERO;
        for (int year = current.coverageYear() - 1; year >= current.coverageYear() - n; year--) {
            PolicySnapshot snapshot = byYear.get(year);
            if (snapshot == null || snapshot.coverageYear() != year) {
                throw new InvalidCalculationInputException(
                        "paidBackYears",
                        "R-WAIT-04: back-paid coverage year " + year
                                + " has no policy version on record in region " + current.regionCode()
                                + "; its individual standard is unknown");
            }
            Explanation e = new Explanation(snapshot);
            BigDecimal standard = Money.of(snapshot.parameters().funding().individualStandard());
            ParameterUse use = e.param("funding.individualStandard", standard);
            String version = snapshot.regionCode() + "/" + year + " v" + snapshot.version();
            e.step(
                    Rule.R_WAIT_04,
                    "back-paid coverage year " + year + " at that year's individual standard "
                            + standard.toPlainString() + " CNY (policy version " + version + ").",
                    use);
            steps.addAll(e.steps());
            years.add(new Year(year, standard, version, use));
            total = total.add(standard);
        }
        Explanation sum = new Explanation(current);
        if (declared > n) {
            sum.step(
                    Rule.R_WAIT_04,
                    declared + " back-paid year(s) declared, but only " + n + " missed year(s) right before "
                            + current.coverageYear() + " can be paid back: " + n + " charged.");
        }
        if (n > 0) {
            sum.step(
                    Rule.R_WAIT_04,
                    n + " back-paid year(s) cost " + total.toPlainString() + " CNY in addition to the personal due of "
                            + current.coverageYear() + "; the months come off only when the confirmed payment covers"
                            + " them.");
        }
        steps.addAll(sum.steps());
        return new Result(List.copyOf(years), total, List.copyOf(steps));
    }

    /**
     * The whole back-paid years a confirmed payment covers: the current year's due first, then the years from the
     * most recent one while a whole year is paid.
     */
    public Coverage covered(PolicySnapshot current, Result backPayment, BigDecimal currentDue, BigDecimal paid) {
        Objects.requireNonNull(backPayment, "backPayment");
        return covered(
                current,
                backPayment.years().stream().map(Year::individualStandard).toList(),
                currentDue,
                paid);
    }

    /** As {@link #covered(PolicySnapshot, Result, BigDecimal, BigDecimal)}, from the standards of the years as recorded. */
    public Coverage covered(
            PolicySnapshot current, List<BigDecimal> yearStandards, BigDecimal currentDue, BigDecimal paid) {
        Objects.requireNonNull(yearStandards, "yearStandards");
        BigDecimal due = Money.of(currentDue);
        BigDecimal amount = Money.of(paid);
        if (amount.compareTo(due) < 0) {
            throw new InvalidCalculationInputException(
                    "amount",
                    "does not cover the personal due " + due.toPlainString() + " of the coverage year, was "
                            + amount.toPlainString());
        }
        BigDecimal rest = amount.subtract(due);
        int covered = 0;
        for (BigDecimal standard : yearStandards) {
            if (rest.compareTo(standard) < 0) {
                break;
            }
            rest = rest.subtract(standard);
            covered++;
        }
        Explanation e = new Explanation(current);
        String text;
        int yearsDue = yearStandards.size();
        if (covered == yearsDue && rest.signum() == 0) {
            text = "the payment of " + amount.toPlainString() + " CNY covers the personal due and all " + covered
                    + " back-paid year(s).";
        } else {
            text = "partial payment: " + amount.toPlainString() + " CNY covers the personal due of "
                    + due.toPlainString() + " CNY and " + covered + " of " + yearsDue
                    + " back-paid year(s); only whole years count"
                    + (rest.signum() > 0 ? ", " + rest.toPlainString() + " CNY count for no year" : "") + ".";
        }
        e.step(Rule.R_WAIT_04, text);
        return new Coverage(covered, yearsDue, rest, e.steps().get(0));
    }
}
