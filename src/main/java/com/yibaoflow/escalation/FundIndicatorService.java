package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatterEvents.FundWarningRecorded;
import com.yibaoflow.shared.events.CaseEvent;
import com.yibaoflow.shared.problem.DomainException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * R-MM-06: a region's monthly fund figures. When the balance covers fewer months of the month's expenditure than
 * the region's threshold ({@link FundWarningProperties}, default 6), a fund-risk warning is recorded and published.
 */
@Service
class FundIndicatorService {

    /** The month's figures as reported (already checked by Bean Validation). */
    record Report(String regionCode, YearMonth month, BigDecimal income, BigDecimal expenditure, BigDecimal balance) {}

    private final FundIndicators indicators;
    private final FundWarningProperties thresholds;
    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final FundWarnings reminders;

    FundIndicatorService(
            FundIndicators indicators,
            FundWarningProperties thresholds,
            JdbcTemplate jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            FundWarnings reminders) {
        this.reminders = reminders;
        this.indicators = indicators;
        this.thresholds = thresholds;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records one month of a region (409 if that month is on record already), and its warning if it warns, with the
     * reminder to the region's supervisors ({@link FundWarnings}); the single POST and the file import both come here.
     */
    @Transactional
    FundIndicator record(Report r, String userId) {
        if (indicators.existsByRegionCodeAndMonth(r.regionCode(), r.month().atDay(1))) {
            throw monthOnRecord(r);
        }
        Instant now = clock.instant();
        FundIndicator indicator;
        try {
            indicator = indicators.saveAndFlush(new FundIndicator(
                    r.regionCode(),
                    r.month().atDay(1),
                    r.income(),
                    r.expenditure(),
                    r.balance(),
                    thresholds.monthsFor(r.regionCode()),
                    userId,
                    now));
        } catch (DataIntegrityViolationException e) {
            throw monthOnRecord(r);
        }
        if (indicator.warns()) {
            jdbc.update(
                    "INSERT INTO yibao.fund_warning (fund_indicator_id, region_code, month, months_covered,"
                            + " threshold_months, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    indicator.id(),
                    indicator.regionCode(),
                    indicator.month(),
                    indicator.monthsCovered(),
                    indicator.thresholdMonths(),
                    Timestamp.from(now));
            events.publishEvent(new FundWarningRecorded(
                    CaseEvent.newId(),
                    now,
                    "FUND-" + r.regionCode() + "-" + r.month(),
                    r.regionCode(),
                    r.month().toString(),
                    indicator.monthsCovered().toPlainString(),
                    indicator.thresholdMonths().toPlainString(),
                    r.month() + " 基金累计结余 " + r.balance().toPlainString() + " 元，仅可支付 "
                            + indicator.monthsCovered().toPlainString() + " 个月（预警线 "
                            + indicator.thresholdMonths().toPlainString()
                            + " 个月）：基金存在支付风险，可按规定提出待遇调整请示（R-MM-06）",
                    userId));
            // issue #18 §6: the region's supervisors are asked to judge it and may draft the request (prefilled)
            reminders.start(indicator);
        }
        return indicator;
    }

    /** Whether a month of a region has a warning on record. */
    boolean warned(FundIndicator indicator) {
        Integer n = jdbc.queryForObject(
                "SELECT count(*) FROM yibao.fund_warning WHERE fund_indicator_id = ?", Integer.class, indicator.id());
        return n != null && n > 0;
    }

    private static DomainException monthOnRecord(Report r) {
        return DomainException.conflict(
                "The fund figures of " + r.regionCode() + " for " + r.month() + " are on record already",
                Map.of("regionCode", r.regionCode(), "month", r.month().toString()));
    }
}
