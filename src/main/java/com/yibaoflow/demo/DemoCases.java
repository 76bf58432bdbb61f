package com.yibaoflow.demo;

import com.yibaoflow.enrollment.Application;
import com.yibaoflow.enrollment.EnrollmentCase;
import com.yibaoflow.enrollment.EnrollmentCases;
import com.yibaoflow.enrollment.EnrollmentService;
import com.yibaoflow.enrollment.EnrollmentSource;
import com.yibaoflow.enrollment.EnrollmentStatus;
import com.yibaoflow.enrollment.Payment;
import com.yibaoflow.enrollment.PaymentService;
import com.yibaoflow.enrollment.RegistryImportService;
import com.yibaoflow.hardship.RosterImportService;
import com.yibaoflow.identity.Department;
import com.yibaoflow.policy.calc.Residence;
import com.yibaoflow.shared.id.ResidentIdNumber;
import com.yibaoflow.shared.time.ShiftableClock;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Sample cases for the demo profile (issue #2 §4, issue #4): on an empty database, a handful of Dongzhi residents
 * in several states, so that every Tasklist filter has something in it. They go through the real services and
 * processes; the job executor moves them on in the background a few seconds after start.
 */
@Component
@Profile("demo")
class DemoCases {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final String REGION = "341721";
    private static final int YEAR = 2025;

    private final EnrollmentService enrollments;
    private final PaymentService payments;
    private final EnrollmentCases cases;
    private final RosterImportService rosters;
    private final RegistryImportService registries;
    private final TaskExecutor background;
    private final ShiftableClock clock;

    DemoCases(
            EnrollmentService enrollments,
            PaymentService payments,
            EnrollmentCases cases,
            RosterImportService rosters,
            RegistryImportService registries,
            @Qualifier("applicationTaskExecutor") TaskExecutor background,
            ShiftableClock clock) {
        this.enrollments = enrollments;
        this.payments = payments;
        this.cases = cases;
        this.rosters = rosters;
        this.registries = registries;
        this.background = background;
        this.clock = clock;
    }

    static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createSampleCases() {
        if (cases.count() > 0) {
            return; // the data directory persists: samples exist from an earlier run
        }
        background.execute(this::create); // the application's pool: shutdown waits for it
    }

    private void create() {
        try {
            String extremePoor = id("34172119560312002");
            String minimumLiving = id("34172119700823004");
            rosterOfCivilAffairs(extremePoor);
            registries();

            EnrollmentCase awaiting = intake(id("34172119850601001"), "张伟", Residence.LOCAL_HUKOU, "尧渡镇", List.of());
            EnrollmentCase paid = intake(id("34172119900215002"), "王芳", Residence.LOCAL_HUKOU, "东流镇", List.of());
            intake(id("34172119881130003"), "李娜", Residence.NON_LOCAL_RESIDENT, "尧渡镇", List.of());
            intake(minimumLiving, "刘洋", Residence.LOCAL_HUKOU, "胜利镇", List.of("MINIMUM_LIVING"));
            intake(id("34172119791009005"), "陈静", Residence.LOCAL_HUKOU, "大渡口镇", List.of());
            intake(extremePoor, "杨磊", Residence.LOCAL_HUKOU, "葛公镇", List.of("EXTREME_POVERTY"));
            intake(
                    id("34172119930505007"),
                    "赵敏",
                    Residence.LOCAL_HUKOU,
                    "尧渡镇",
                    List.of("SEVERE_DISABILITY", "RELAPSED_POVERTY"));

            if (await(paid, EnrollmentStatus.AWAITING_PAYMENT)) {
                payments.confirm(new PaymentService.Confirmation(
                        "DEMO-TAX-0001",
                        paid.idNumber(),
                        REGION,
                        YEAR,
                        new BigDecimal("400.00"),
                        Payment.Channel.WECHAT,
                        clock.instant().minus(Duration.ofHours(1))));
            }
            await(awaiting, EnrollmentStatus.AWAITING_PAYMENT);
            log.info("Demo: sample enrollment cases created (awaiting payment, enrolled, in review, hardship "
                    + "verification at civil affairs, rejected, full subsidy, two departments at once)");
        } catch (RuntimeException e) {
            log.warn("Demo: could not create all sample cases: {}", e.getMessage(), e);
        }
    }

    private EnrollmentCase intake(
            String idNumber, String name, Residence residence, String township, List<String> categories) {
        return enrollments.intake(
                new Application(
                        REGION,
                        YEAR,
                        idNumber,
                        name,
                        residence,
                        null,
                        township,
                        "1380566" + idNumber.substring(14, 18).replace('X', '0'),
                        categories,
                        null,
                        0),
                EnrollmentSource.API,
                null,
                "demo");
    }

    private boolean await(EnrollmentCase c, EnrollmentStatus status) {
        for (int i = 0; i < 120; i++) {
            if (cases.findById(c.id()).map(found -> found.status() == status).orElse(false)) {
                return true;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    /**
     * 民政 roster: 杨磊 is 特困 (verified automatically), plus people not yet enrolled (outreach); uploaded as the
     * department would, through the hardship module.
     */
    private void rosterOfCivilAffairs(String extremePoor) {
        String csv = """
                身份证号码,姓名,困难类别,认定起始日期,认定终止日期,乡镇
                %s,杨磊,特困人员,2023-01-01,,葛公镇
                %s,周强,低保对象,2024-03-01,,尧渡镇
                %s,吴霞,特困人员,2022-06-01,,尧渡镇
                """.formatted(extremePoor, id("34172119620717001"), id("34172119480228002"));
        rosters.importRoster(
                utf8(csv),
                "demo-civil-affairs-roster.csv",
                Department.CIVIL_AFFAIRS,
                REGION,
                LocalDate.of(2024, 10, 1),
                "demo");
    }

    /** 陈静 is insured as an employee (职工医保): her application is rejected (R-ELIG-02). */
    private void registries() {
        registries.importEmployeeInsurance(utf8("""
                身份证号码,姓名,参保开始日期,参保终止日期,单位名称
                %s,陈静,2019-07-01,,池州某制造有限公司
                """.formatted(id("34172119791009005"))));
    }

    private static ByteArrayInputStream utf8(String csv) {
        return new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }
}
