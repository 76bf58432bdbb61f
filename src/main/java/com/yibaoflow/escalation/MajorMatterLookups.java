package com.yibaoflow.escalation;

import com.yibaoflow.identity.RegionScope;
import com.yibaoflow.identity.StaffPrincipal;
import com.yibaoflow.shared.problem.DomainException;
import org.springframework.stereotype.Component;

/** Finds a request for the API: as the user may see it (404 otherwise), or locked for a change. */
@Component
class MajorMatterLookups {

    private final MajorMatters matters;
    private final RegionScope regions;

    MajorMatterLookups(MajorMatters matters, RegionScope regions) {
        this.matters = matters;
        this.regions = regions;
    }

    /** The request if the user may see its region (404 otherwise: another region's case is not disclosed). */
    MajorMatter visible(long id, StaffPrincipal user) {
        MajorMatter m = matters.findById(id).orElseThrow(() -> notFound(id));
        regions.requireVisible(user, m.regionCode(), "Major matter " + id);
        return m;
    }

    /** The request locked for a change that must not race another (a withdrawal against a decision). */
    MajorMatter locked(long id) {
        return matters.lockById(id).orElseThrow(() -> notFound(id));
    }

    private static DomainException notFound(long id) {
        return DomainException.notFound("Major matter " + id + " not found");
    }
}
