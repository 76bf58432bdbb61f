package com.yibaoflow.testsupport;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.yibaoflow.identity.Department;
import com.yibaoflow.identity.IdentityBootstrap;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** One user per department in the test profile: user id {@code <group>-user}, password {@link #PASSWORD}. */
@Component
@Profile("test")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class TestUsers implements ApplicationRunner {

    public static final String PASSWORD = "secret";

    private final IdentityBootstrap identity;

    TestUsers(IdentityBootstrap identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (Department d : Department.values()) {
            String region = switch (d) {
                case CITY_MEDICAL_SECURITY -> "341700";
                case PROVINCIAL_MEDICAL_SECURITY, PROVINCIAL_FINANCE -> "340000";
                default -> "341721";
            };
            identity.ensureUser(userOf(d), PASSWORD, "测试", d.chineseName(), d, region);
        }
    }

    public static String userOf(Department department) {
        return department.groupId() + "-user";
    }

    /** HTTP Basic as the test user of a department. */
    public static RequestPostProcessor as(Department department) {
        return httpBasic(userOf(department), PASSWORD);
    }
}
