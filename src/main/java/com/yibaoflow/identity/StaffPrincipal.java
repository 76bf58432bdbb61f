package com.yibaoflow.identity;

import java.io.Serializable;
import java.util.Set;

/**
 * The logged-in user of our API: a Camunda user, the groups (departments) they belong to, and the region they work
 * for (a county office sees its county; the city and province see theirs).
 */
public record StaffPrincipal(String userId, String regionCode, Set<String> groupIds) implements Serializable {

    public boolean isMemberOf(String groupId) {
        return groupIds.contains(groupId);
    }

    public boolean isAdmin() {
        return groupIds.contains(Department.CAMUNDA_ADMIN.groupId());
    }

    @Override
    public String toString() {
        return userId;
    }
}
