package com.yibaoflow.policy;

import com.yibaoflow.policy.calc.ParameterPaths;
import com.yibaoflow.policy.calc.PolicyParameters;
import com.yibaoflow.policy.calc.Provenance;
import com.yibaoflow.policy.calc.ProvenanceState;
import com.yibaoflow.region.FiscalTier;
import com.yibaoflow.region.Region;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** How the API shows a version: every figure with its rule ID, provenance state and local confirmation. */
@Component
class PolicyViews {

    private final PolicyService policies;
    private final LocalConfirmations localConfirmations;

    PolicyViews(PolicyService policies, LocalConfirmations localConfirmations) {
        this.policies = policies;
        this.localConfirmations = localConfirmations;
    }

    /**
     * One figure: its provenance (rule, state SEED / EXTERNAL / SAMPLE, document and clause, and the label every
     * explanation shows) and, if an office confirmed it by its own document, that confirmation. {@code display} is
     * the label with the confirmation: "EXTERNAL: … — confirm locally" becomes "EXTERNAL: … — CONFIRMED by local
     * document 东医保〔2025〕3号 of 2025-02-01".
     */
    record Figure(
            String path,
            Object value,
            String ruleId,
            ProvenanceState state,
            String source,
            String clause,
            String provenance,
            ConfirmationView confirmation,
            String display) {}

    record ConfirmationView(
            String parameterPath,
            String documentNumber,
            LocalDate documentDate,
            String confirmedBy,
            Instant confirmedAt) {}

    record PolicyView(
            String regionCode,
            String regionName,
            int coverageYear,
            int version,
            PolicyStatus status,
            FiscalTier fiscalTier,
            String approvingRequestRef,
            String note,
            Instant createdAt,
            String createdBy,
            Instant activatedAt,
            String activatedBy,
            Instant supersededAt,
            PolicyParameters parameters,
            List<Figure> figures,
            List<PolicyWarning> warnings) {}

    record VersionSummary(
            int version,
            PolicyStatus status,
            String approvingRequestRef,
            String note,
            Instant createdAt,
            String createdBy,
            Instant activatedAt,
            String activatedBy,
            Instant supersededAt,
            List<PolicyWarning> warnings) {}

    PolicyView view(PolicyVersion v) {
        Region region = policies.region(v.regionCode());
        Map<String, PolicyConfirmation> confirmed = localConfirmations.confirmations(v).stream()
                .collect(Collectors.toMap(PolicyConfirmation::parameterPath, c -> c));
        List<Figure> figures = ParameterPaths.leaves(v.parameters()).entrySet().stream()
                .map(e -> {
                    Provenance p = v.provenance().get(e.getKey());
                    if (p == null) {
                        return new Figure(e.getKey(), e.getValue(), null, null, null, null, null, null, null);
                    }
                    PolicyConfirmation c = confirmed.get(e.getKey());
                    return new Figure(
                            e.getKey(),
                            e.getValue(),
                            p.ruleId(),
                            p.state(),
                            p.source(),
                            p.clause(),
                            p.label(),
                            c == null ? null : confirmationView(c),
                            c == null ? p.label() : confirmedLabel(p, c));
                })
                .toList();
        return new PolicyView(
                v.regionCode(),
                region.name(),
                v.coverageYear(),
                v.version(),
                v.status(),
                region.fiscalTier(),
                v.approvingRequestRef(),
                v.note(),
                v.createdAt(),
                v.createdBy(),
                v.activatedAt(),
                v.activatedBy(),
                v.supersededAt(),
                v.parameters(),
                figures,
                v.warnings());
    }

    /** "EXTERNAL: [G] 国办发〔2024〕38号 … — CONFIRMED by local document 东医保〔2025〕3号 of 2025-02-01". */
    static String confirmedLabel(Provenance p, PolicyConfirmation c) {
        String origin = p.label();
        String suffix = " — confirm locally";
        if (origin.endsWith(suffix)) {
            origin = origin.substring(0, origin.length() - suffix.length());
        }
        return origin + " — CONFIRMED by local document " + c.documentNumber() + " of " + c.documentDate();
    }

    static ConfirmationView confirmationView(PolicyConfirmation c) {
        return new ConfirmationView(
                c.parameterPath(), c.documentNumber(), c.documentDate(), c.confirmedBy(), c.confirmedAt());
    }

    static VersionSummary summary(PolicyVersion v) {
        return new VersionSummary(
                v.version(),
                v.status(),
                v.approvingRequestRef(),
                v.note(),
                v.createdAt(),
                v.createdBy(),
                v.activatedAt(),
                v.activatedBy(),
                v.supersededAt(),
                v.warnings());
    }
}
