package com.yibaoflow.monitoring;

import static com.yibaoflow.monitoring.ReferralProcess.*;

import com.yibaoflow.policy.calc.PolicyParameters.PopulationGroup;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * The cost summary of a high-cost referral the departments read in their forms (issue #19 §3), as the referral's row
 * holds it after its latest scan, and as the process variables {@link ReferralOpenings} starts or updates the case
 * with.
 */
record ReferralFacts(
        String populationGroup,
        String categories,
        BigDecimal warningLine,
        BigDecimal lineReached,
        BigDecimal outOfPocket,
        BigDecimal totalCost,
        BigDecimal basicPaid,
        BigDecimal criticalPaid,
        BigDecimal assistancePaid,
        int claims,
        LocalDate asOf,
        String linesProvenance,
        boolean layersComputed) {

    /** From the columns of {@code ReferralOpenings}' batch query. */
    static ReferralFacts of(ResultSet rs) throws SQLException {
        return new ReferralFacts(
                rs.getString("population_group"),
                rs.getString("categories"),
                rs.getBigDecimal("warning_line"),
                rs.getBigDecimal("line_reached"),
                rs.getBigDecimal("out_of_pocket"),
                rs.getBigDecimal("total_cost"),
                rs.getBigDecimal("basic_paid"),
                rs.getBigDecimal("critical_paid"),
                rs.getBigDecimal("assistance_paid"),
                rs.getInt("claims"),
                rs.getDate("last_as_of").toLocalDate(),
                rs.getString("lines_provenance"),
                rs.getBoolean("layers_computed"));
    }

    VariableMap variables() {
        return Variables.createVariables()
                .putValue(WARNING_LINE_PROVENANCE, linesProvenance)
                .putValue(COSTS_PROVENANCE, costsProvenance())
                .putValue(POPULATION_GROUP_LABEL, ReferralOutcome.groupLabel(PopulationGroup.valueOf(populationGroup)))
                .putValue(
                        CATEGORIES_LABEL,
                        categories == null || categories.isEmpty() ? "无" : categories.replace(",", "、"))
                .putValue(OUT_OF_POCKET, outOfPocket.toPlainString())
                .putValue(WARNING_LINE, warningLine.toPlainString())
                .putValue(LINE_REACHED, lineReached.toPlainString())
                .putValue(TOTAL_COST, totalCost.toPlainString())
                .putValue(BASIC_PAID, basicPaid.toPlainString())
                .putValue(CRITICAL_ILLNESS_PAID, criticalPaid.toPlainString())
                .putValue(ASSISTANCE_PAID, assistancePaid.toPlainString())
                .putValue(CLAIM_COUNT, claims)
                .putValue(SCAN_AS_OF, asOf.toString());
    }

    /**
     * The cost figures are settlement data, not policy figures; where a claim came without its paid amounts the
     * scan computed the layers with the policy's inpatient calculator, and the form says so (issue #17 item 2).
     */
    private String costsProvenance() {
        String settled = "来源：截至" + asOf + "已导入的医保结算数据（非政策参数）";
        return layersComputed ? settled + "；未报支付金额的结算按本年度政策参数测算，参数来源见政策版本" : settled;
    }
}
