package com.yibaoflow.monitoring;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Office practice around monitoring (not policy: the warning lines are versioned policy parameters).
 *
 * @param verificationWorkingDays a department's referral task falls due (and is reminded) after this many working
 *                                days (issue #19 §3: 10)
 * @param escalationWorkingDays   an unanswered referral task is escalated to the department's supervisors after this
 *                                many working days from its creation (default 15: a working week after the reminder)
 * @param followUpPeriod          the routine check after the outcomes, and between checks, as an ISO-8601 duration
 *                                (default {@code P3M})
 * @param followUpRiskShare       a person is still at risk when the out-of-pocket cost of the claims settled in the
 *                                period since the last check reaches this share of their warning line (default 0.25:
 *                                a quarter of the yearly line in a quarter, the pace at which they would reach it again)
 * @param monthlyScanCron         when the monthly scan of every region with claims runs (Quartz-style cron, default
 *                                02:00 on the 1st of each month)
 * @param referralOpeningBatch    how many queued referral openings (or raises) one job of
 *                                {@code high-cost-referral-openings} does in its transaction (default 200)
 */
@ConfigurationProperties("yibaoflow.monitoring")
record MonitoringProperties(
        Integer verificationWorkingDays,
        Integer escalationWorkingDays,
        String followUpPeriod,
        BigDecimal followUpRiskShare,
        String monthlyScanCron,
        Integer referralOpeningBatch) {

    public MonitoringProperties {
        verificationWorkingDays = verificationWorkingDays == null ? 10 : verificationWorkingDays;
        escalationWorkingDays = escalationWorkingDays == null ? 15 : escalationWorkingDays;
        followUpPeriod = followUpPeriod == null || followUpPeriod.isBlank() ? "P3M" : followUpPeriod;
        followUpRiskShare = followUpRiskShare == null ? new BigDecimal("0.25") : followUpRiskShare;
        monthlyScanCron = monthlyScanCron == null || monthlyScanCron.isBlank() ? "0 0 2 1 * ?" : monthlyScanCron;
        referralOpeningBatch = referralOpeningBatch == null ? 200 : referralOpeningBatch;
        if (referralOpeningBatch < 1) {
            throw new IllegalArgumentException("yibaoflow.monitoring.referral-opening-batch must be at least 1");
        }
        if (verificationWorkingDays < 1 || escalationWorkingDays <= verificationWorkingDays) {
            throw new IllegalArgumentException("yibaoflow.monitoring: verification-working-days must be at least 1 and "
                    + "escalation-working-days later than it");
        }
    }
}
