package com.yibaoflow.identity;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates API users against the Camunda identity service, so one user and password serve Tasklist and the
 * API. Each Camunda group of the user becomes a role ({@code ROLE_<groupId>}).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    private final IdentityService identityService;
    private final StaffMembers staffMembers;

    CamundaIdentityAuthenticationProvider(IdentityService identityService, StaffMembers staffMembers) {
        this.identityService = identityService;
        this.staffMembers = staffMembers;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null || !identityService.checkPassword(userId, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        Set<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toUnmodifiableSet());
        String regionCode = staffMembers.findById(userId).map(StaffMember::regionCode).orElse(null);
        List<SimpleGrantedAuthority> authorities = groupIds.stream()
                .map(id -> new SimpleGrantedAuthority("ROLE_" + id)).toList();
        return UsernamePasswordAuthenticationToken.authenticated(new StaffPrincipal(userId, regionCode, groupIds),
                null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
