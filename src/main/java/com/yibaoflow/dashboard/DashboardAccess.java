package com.yibaoflow.dashboard;

import com.yibaoflow.identity.Department;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Who may open the dashboard: supervisors — every department's supervisors group, and the city and provincial
 * medical security bureaus, which supervise the counties — auditors (read-only, they read everything) and
 * administrators. A caseworker or clerk gets 403.
 */
@Component("dashboardAccess")
class DashboardAccess {

    static final Set<String> AUTHORITIES = Stream.concat(
                    Arrays.stream(Department.values()).flatMap(d -> d.supervisors().stream()),
                    Stream.of(
                            Department.CITY_MEDICAL_SECURITY,
                            Department.PROVINCIAL_MEDICAL_SECURITY,
                            Department.AUDITORS,
                            Department.CAMUNDA_ADMIN))
            .map(Department::authority)
            .collect(Collectors.toUnmodifiableSet());

    public boolean allowed(Authentication authentication) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .anyMatch(AUTHORITIES::contains);
    }
}
