package com.yibaoflow.identity;

import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionDirectory;
import com.yibaoflow.shared.problem.DomainException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which pooling regions a staff member works on: their own region and every region below it (a city sees its
 * counties, the province sees all). Administrators see everything.
 */
@Component
public class RegionScope {

    private final RegionDirectory regions;

    RegionScope(RegionDirectory regions) {
        this.regions = regions;
    }

    public Set<String> visibleRegions(StaffPrincipal principal) {
        List<Region> all = regions.all();
        Set<String> visible = new HashSet<>();
        if (principal.isAdmin()) {
            all.forEach(r -> visible.add(r.code()));
            return visible;
        }
        visible.add(principal.regionCode());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Region r : all) {
                if (r.parentCode() != null && visible.contains(r.parentCode()) && visible.add(r.code())) {
                    grew = true;
                }
            }
        }
        return visible;
    }

    public boolean canSee(StaffPrincipal principal, String regionCode) {
        return visibleRegions(principal).contains(regionCode);
    }

    /** Not found rather than forbidden: a case of another region is not disclosed to exist. */
    public void requireVisible(StaffPrincipal principal, String regionCode, String what) {
        if (!canSee(principal, regionCode)) {
            throw DomainException.notFound(what + " not found");
        }
    }
}
