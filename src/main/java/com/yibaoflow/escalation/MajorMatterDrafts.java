package com.yibaoflow.escalation;

import com.yibaoflow.escalation.MajorMatter.PolicyVersionRef;
import java.math.BigDecimal;
import java.time.YearMonth;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The small public door other modules (the demo's sample cases) use to draft major-matter requests and report fund
 * figures without the HTTP API: the same service code as {@code POST /api/major-matters} and
 * {@code POST /api/fund-indicators} (numbering, process start, the R-MM-06 warning and its reminder), in the name
 * of a staff member whose department and region are looked up as the engine does for Tasklist users.
 */
@Component
public class MajorMatterDrafts {

    /** A request as submitted: its id, document number (东医保〔2025〕3号) and process business key. */
    public record Submitted(long id, String documentNumber, String businessKey) {}

    private final MajorMatterSubmissions service;
    private final FundIndicatorService indicators;
    private final MajorMatters matters;
    private final MajorMatterAccess access;

    MajorMatterDrafts(
            MajorMatterSubmissions service,
            FundIndicatorService indicators,
            MajorMatters matters,
            MajorMatterAccess access) {
        this.service = service;
        this.indicators = indicators;
        this.matters = matters;
        this.access = access;
    }

    /**
     * Submits a request drafted by {@code drafterUserId}, optionally naming a DRAFT policy version of its region to
     * activate once approved (R-MM-03); refused like the API refuses it (403 another region, 400 a bad version).
     *
     * @param matterType a {@code MajorMatterType} name, e.g. {@code CONTRIBUTION_STANDARD}
     */
    @Transactional
    public Submitted submit(
            String drafterUserId,
            String matterType,
            String regionCode,
            String title,
            String situation,
            String proposal,
            Integer policyCoverageYear,
            Integer policyVersion) {
        PolicyVersionRef policy = policyCoverageYear == null || policyVersion == null
                ? null
                : new PolicyVersionRef(regionCode, policyCoverageYear, policyVersion);
        MajorMatter m = service.submit(
                new MajorMatterSubmissions.Draft(
                        MajorMatterType.valueOf(matterType), title, situation, proposal, regionCode, policy),
                access.principalOf(drafterUserId));
        return new Submitted(m.id(), m.documentNumber(), m.businessKey());
    }

    /** Whether any request of the region is on record (the demo seeds its samples once). */
    @Transactional(readOnly = true)
    public boolean anyRequestOf(String regionCode) {
        return matters.existsByRegionCode(regionCode);
    }

    /**
     * Records a month of a region's fund figures (409 if that month is on record); returns whether it raised a
     * fund-risk warning, in which case the region's supervisors have their reminder task (R-MM-06).
     */
    @Transactional
    public boolean reportFundMonth(
            String regionCode,
            YearMonth month,
            BigDecimal income,
            BigDecimal expenditure,
            BigDecimal balance,
            String userId) {
        return indicators
                .record(
                        new FundIndicatorService.Report(
                                regionCode, month, income.setScale(2), expenditure.setScale(2), balance.setScale(2)),
                        userId)
                .warns();
    }
}
