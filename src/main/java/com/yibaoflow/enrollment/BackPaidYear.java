package com.yibaoflow.enrollment;

import com.yibaoflow.policy.calc.ProvenanceState;
import java.math.BigDecimal;

/**
 * One back-paid coverage year of a case's due amount (R-WAIT-04, issue #17 item 1): that year's individual standard
 * from that year's policy version, with the figure's provenance.
 */
public record BackPaidYear(
        int year, BigDecimal individualStandard, String policyVersion, String provenance, ProvenanceState state) {}
