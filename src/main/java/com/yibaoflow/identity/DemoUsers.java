package com.yibaoflow.identity;

import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: one user per department, password = user id (documented in the README), besides the administrator
 * demo/demo created by {@link IdentityBootstrap}.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class DemoUsers implements ApplicationRunner {

    /** A demo user: id (also the password), name, department and region. */
    public record DemoUser(
            String userId, String lastName, String firstName, Department department, String regionCode) {}

    public static final List<DemoUser> USERS = List.of(
            new DemoUser("caseworker", "王", "芳", Department.MEDICAL_SECURITY, "341721"),
            new DemoUser("supervisor", "李", "强", Department.MEDICAL_SECURITY_SUPERVISORS, "341721"),
            new DemoUser("tax", "张", "伟", Department.TAX, "341721"),
            new DemoUser("finance", "刘", "洋", Department.FINANCE, "341721"),
            new DemoUser("civil", "陈", "静", Department.CIVIL_AFFAIRS, "341721"),
            new DemoUser("civilsup", "陈", "刚", Department.CIVIL_AFFAIRS_SUPERVISORS, "341721"),
            new DemoUser("agri", "杨", "磊", Department.AGRICULTURE_RURAL, "341721"),
            new DemoUser("agrisup", "杨", "帆", Department.AGRICULTURE_RURAL_SUPERVISORS, "341721"),
            new DemoUser("veterans", "赵", "军", Department.VETERANS_AFFAIRS, "341721"),
            new DemoUser("health", "黄", "丽", Department.HEALTH_COMMISSION, "341721"),
            new DemoUser("disabled", "周", "敏", Department.DISABLED_FEDERATION, "341721"),
            new DemoUser("township", "吴", "涛", Department.TOWNSHIPS, "341721"),
            new DemoUser("education", "徐", "娟", Department.EDUCATION, "341721"),
            new DemoUser("city", "孙", "斌", Department.CITY_MEDICAL_SECURITY, "341700"),
            new DemoUser("province", "马", "红", Department.PROVINCIAL_MEDICAL_SECURITY, "340000"),
            new DemoUser("provfinance", "朱", "刚", Department.PROVINCIAL_FINANCE, "340000"),
            new DemoUser("auditor", "胡", "萍", Department.AUDITORS, "341721"));

    private final IdentityBootstrap identity;

    DemoUsers(IdentityBootstrap identity) {
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        USERS.forEach(u -> identity.ensureUser(
                u.userId(), u.userId(), u.firstName(), u.lastName(), u.department(), u.regionCode()));
    }
}
