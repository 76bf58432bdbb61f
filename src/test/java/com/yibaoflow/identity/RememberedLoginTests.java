package com.yibaoflow.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.yibaoflow.testsupport.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * API credentials checked once are remembered for a short time (the Basic-auth cost of every API call); a changed
 * password or group takes effect after {@link CamundaIdentityAuthenticationProvider#REMEMBER} at the latest.
 */
@IntegrationTest
class RememberedLoginTests {

    private static final String USER = "remembered-login-user";

    @Autowired
    IdentityService identityService;

    @Autowired
    StaffMembers staffMembers;

    /** As {@code yibaoflow.caches.remembered-logins.expire-after-write} in application.yml. */
    private static final Duration REMEMBER = Duration.ofSeconds(30);

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private CamundaIdentityAuthenticationProvider provider;

    @BeforeEach
    void user() {
        User user = identityService.newUser(USER);
        user.setPassword("first-secret");
        identityService.saveUser(user);
        identityService.createMembership(USER, Department.MEDICAL_SECURITY.groupId());
        // the same Caffeine cache as configured, on a clock the test moves
        provider = new CamundaIdentityAuthenticationProvider(
                identityService,
                staffMembers,
                new CaffeineCache(
                        "remembered-logins",
                        Caffeine.newBuilder()
                                .ticker(nanos::get)
                                .expireAfterWrite(REMEMBER)
                                .build(),
                        false));
    }

    @AfterEach
    void removeUser() {
        identityService.deleteUser(USER);
    }

    private Authentication login(String password) {
        return provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(USER, password));
    }

    private void later(long seconds) {
        nanos.addAndGet(seconds * 1_000_000_000L);
    }

    @Test
    void aChangedPasswordIsRefusedOnceTheRememberedLoginExpires() {
        assertThat(login("first-secret").getAuthorities())
                .extracting(Object::toString)
                .contains("ROLE_" + Department.MEDICAL_SECURITY.groupId());

        User user = identityService.createUserQuery().userId(USER).singleResult();
        user.setPassword("second-secret");
        identityService.saveUser(user);
        later(REMEMBER.toSeconds() - 1);
        assertThat(login("first-secret").isAuthenticated())
                .as("still remembered")
                .isTrue();

        later(2);
        assertThatThrownBy(() -> login("first-secret")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aGroupRemovedIsNoLongerARoleOnceTheRememberedLoginExpires() {
        login("first-secret");
        identityService.deleteMembership(USER, Department.MEDICAL_SECURITY.groupId());

        later(REMEMBER.toSeconds() + 1);
        assertThat(login("first-secret").getAuthorities())
                .extracting(Object::toString)
                .doesNotContain("ROLE_" + Department.MEDICAL_SECURITY.groupId());
    }

    @Test
    void anotherPasswordForARememberedUserIsCheckedAndAWrongOneIsNeverRemembered() {
        login("first-secret");

        assertThatThrownBy(() -> login("guess")).isInstanceOf(BadCredentialsException.class);
        assertThatThrownBy(() -> login("guess")).isInstanceOf(BadCredentialsException.class);
    }
}
