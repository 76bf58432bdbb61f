package com.yibaoflow.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The one answer of {@code GET /api/dashboard}: every chart of the page reads its part of it. Counts are cases or
 * open tasks; amounts are CNY at scale 2; labels meant for the screen are Chinese ({@code …Name}).
 */
record Dashboard(
        String regionCode,
        String regionName,
        int coverageYear,
        Instant generatedAt,
        Period collectionPeriod,
        String targetNote,
        List<Township> townships,
        List<Subsidy> subsidies,
        List<DepartmentTasks> tasks,
        List<MajorMatterStep> majorMatters,
        Warnings warnings,
        List<ReferralState> referralStates,
        List<ReferralOutcome> referralOutcomes,
        String referralNote,
        List<Week> trend) {

    /** Referrals of the region and year in one state (部门核实中, 跟踪回访中, 已结案). */
    record ReferralState(String state, String stateName, long referrals) {}

    /** How many referrals of the region and year a department closed with an outcome (R-MON-03). */
    record ReferralOutcome(
            String department, String departmentName, String outcome, String outcomeName, long referrals) {}

    /** The policy's collection period (征缴期) of the year; null without an active policy version. */
    record Period(LocalDate start, LocalDate end) {}

    /** Campaign progress of one township; {@code previousYearEnrolled} stands in for the missing target. */
    record Township(
            String township,
            long enrolled,
            long awaitingPayment,
            long lapsed,
            long inReview,
            long previousYearEnrolled) {}

    record Subsidy(String category, String categoryName, long enrollments, BigDecimal subsidyTotal) {}

    /** Open tasks offered to a department's group (claimed or not), and those past their due date. */
    record DepartmentTasks(String department, String departmentName, long open, long overdue) {}

    /** Open major-matter requests waiting at one step, by age in days since the step began. */
    record MajorMatterStep(
            String taskKey,
            String level,
            String stepName,
            long open,
            long upTo7Days,
            long from8To30Days,
            long over30Days,
            long oldestDays) {}

    /** The latest burden scan's warnings by population group; null when the region and year were never scanned. */
    record Warnings(long scanId, LocalDate asOf, Instant scannedAt, long scanned, long total, List<Group> groups) {

        record Group(String populationGroup, String groupName, long warnings, BigDecimal outOfPocket) {}
    }

    /** Applications received per week (starting Monday) over the collection period, and how many are enrolled. */
    record Week(LocalDate weekStart, long received, long enrolled) {}
}
