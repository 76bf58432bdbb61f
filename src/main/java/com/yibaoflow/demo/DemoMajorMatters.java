package com.yibaoflow.demo;

import com.yibaoflow.escalation.MajorMatterDrafts;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.PolicyVersion;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.shared.time.ClockConfiguration;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Demo samples of issue #18 (README "Major-matter requests", demo path): Dongzhi's caseworker has submitted a
 * contribution-standard request naming a new DRAFT version of the 2025 policy (fiscal subsidy raised to 700 yuan), waiting at the county for
 * {@code supervisor}; and last month's fund figures cover fewer months than the threshold, so {@code supervisor} also
 * has the fund-warning reminder (R-MM-06). Through the escalation module's {@link MajorMatterDrafts}, once.
 */
@Component
@Profile("demo")
class DemoMajorMatters {

    private static final Logger log = LoggerFactory.getLogger(DemoMajorMatters.class);
    static final String REGION = "341721";
    static final int ACTIVE_YEAR = 2025;
    static final String DRAFTER = "caseworker";

    private final MajorMatterDrafts drafts;
    private final PolicyService policies;
    private final Clock clock;

    DemoMajorMatters(MajorMatterDrafts drafts, PolicyService policies, Clock clock) {
        this.drafts = drafts;
        this.policies = policies;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void createSamples() {
        if (drafts.anyRequestOf(REGION)) {
            return; // the data directory persists: samples exist from an earlier run
        }
        try {
            MajorMatterDrafts.Submitted request = contributionStandardRequest(ACTIVE_YEAR);
            boolean warned = fundMonthUnderThreshold(
                    YearMonth.now(clock.withZone(ClockConfiguration.ZONE)).minusMonths(1));
            log.info(
                    "Demo: major-matter request {} waits at the county (supervisor); fund warning of last month: {}",
                    request.documentNumber(),
                    warned);
        } catch (RuntimeException e) {
            log.warn("Demo: could not create the major-matter samples: {}", e.getMessage(), e);
        }
    }

    /** R-MM-01/03: a DRAFT of the year's figures (the active ones, fiscal subsidy raised to 700) and the request naming it. */
    MajorMatterDrafts.Submitted contributionStandardRequest(int year) {
        PolicyVersion active = policies.active(REGION, ACTIVE_YEAR);
        PolicyParameters p = active.parameters();
        var periods = new PolicyParameters.Periods(
                p.periods().collectionStart().plusYears(year - ACTIVE_YEAR),
                p.periods().collectionEnd().plusYears(year - ACTIVE_YEAR),
                p.periods().coverageStart().plusYears(year - ACTIVE_YEAR),
                p.periods().coverageEnd().plusYears(year - ACTIVE_YEAR));
        var f = p.funding();
        // individual standard kept (the hardship subsidies stay full, R-SUB-13)
        BigDecimal individual = f.individualStandard();
        // the fiscal subsidy raised to 700 yuan, the 2026 national floor (医保发〔2025〕22号)
        BigDecimal fiscal = f.fiscalSubsidy().max(new BigDecimal("700.00"));
        var funding = new PolicyParameters.Funding(
                individual,
                fiscal,
                f.centralShareRatio(),
                f.provinceShareOfLocal(),
                f.cityShareOfLocal(),
                f.countyShareOfLocal());
        PolicyVersion draft = policies.createDraft(
                REGION,
                year,
                new PolicyParameters(
                        periods, funding, p.subsidies(), p.waiting(), p.incentives(), p.benefits(), p.monitoring()),
                active.provenance(),
                "演示：" + year + "年度筹资标准（待重大事项请示批准后启用）",
                DRAFTER);
        return drafts.submit(
                DRAFTER,
                "CONTRIBUTION_STANDARD",
                REGION,
                "关于调整" + year + "年度城乡居民医保筹资标准的请示",
                "东至县城乡居民医保现行人均财政补助标准为" + f.fiscalSubsidy().toPlainString() + "元、个人缴费标准为每人每年"
                        + f.individualStandard().toPlainString() + "元。按照国家和省关于做好" + year
                        + "年城乡居民基本医疗保障工作的要求，财政补助标准需相应提高。",
                "建议" + year + "年度个人缴费标准维持每人每年" + individual.toPlainString() + "元，人均财政补助标准调整为" + fiscal.toPlainString()
                        + "元；" + "批准并向国家医保局、财政部、国家税务总局备案后启用政策版本 " + draft.label() + "。",
                year,
                draft.version());
    }

    /** R-MM-06: the month's balance covers 4 months of expenditure, under the threshold of 6. */
    boolean fundMonthUnderThreshold(YearMonth month) {
        return drafts.reportFundMonth(
                REGION,
                month,
                new BigDecimal("9500000"),
                new BigDecimal("11000000"),
                new BigDecimal("44000000"),
                DRAFTER);
    }
}
