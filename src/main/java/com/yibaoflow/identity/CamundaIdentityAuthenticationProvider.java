package com.yibaoflow.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Authenticates API users against the Camunda identity service, so one user and password serve Tasklist and the
 * API. Each Camunda group of the user becomes a role ({@code ROLE_<groupId>}).
 * <p>
 * An API client (a township system, the tax bureau's connector) sends Basic credentials with every request; checking
 * them, reading the groups and the staff record took three transactions and a seventh of each intake's time under
 * load (docs/benchmarks.md). A successful check is therefore remembered for the lifetime of the {@link #CACHE} cache (30 s) — per user, as a salted
 * digest of the password, never the password — and only the same user with the same password within that time is
 * let in without asking the identity service again. So a password changed, a user removed or a group membership
 * changed in the Admin webapp takes effect for API calls at the latest after that time; a wrong password is never
 * remembered and always asks the identity service (which counts failed attempts).
 */
@Component
class CamundaIdentityAuthenticationProvider implements AuthenticationProvider {

    /** The Spring cache of remembered logins; its lifetime is {@code yibaoflow.caches.remembered-logins}. */
    static final String CACHE = "remembered-logins";

    private final IdentityService identityService;
    private final StaffMembers staffMembers;
    private final Cache remembered;
    private final byte[] salt = new byte[16];

    private record Remembered(byte[] digest, Authentication authentication) {}

    @Autowired
    CamundaIdentityAuthenticationProvider(
            IdentityService identityService, StaffMembers staffMembers, CacheManager caches) {
        this(identityService, staffMembers, Objects.requireNonNull(caches.getCache(CACHE), CACHE));
    }

    CamundaIdentityAuthenticationProvider(
            IdentityService identityService, StaffMembers staffMembers, Cache remembered) {
        this.identityService = identityService;
        this.staffMembers = staffMembers;
        this.remembered = remembered;
        new SecureRandom().nextBytes(salt);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String userId = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (userId == null || credentials == null) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        byte[] digest = digest(userId, credentials.toString());
        Remembered known = remembered.get(userId, Remembered.class);
        if (known != null && MessageDigest.isEqual(known.digest(), digest)) {
            return known.authentication();
        }
        Authentication checked = check(userId, credentials.toString());
        remembered.put(userId, new Remembered(digest, checked));
        return checked;
    }

    private Authentication check(String userId, String password) {
        if (!identityService.checkPassword(userId, password)) {
            remembered.evict(userId);
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        Set<String> groupIds = identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId)
                .collect(Collectors.toUnmodifiableSet());
        String regionCode =
                staffMembers.findById(userId).map(StaffMember::regionCode).orElse(null);
        List<SimpleGrantedAuthority> authorities = groupIds.stream()
                .map(id -> new SimpleGrantedAuthority("ROLE_" + id))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(
                new StaffPrincipal(userId, regionCode, groupIds), null, authorities);
    }

    private byte[] digest(String userId, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt);
            sha.update(userId.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            return sha.digest(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
