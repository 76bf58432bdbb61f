package com.yibaoflow.dashboard;

import com.yibaoflow.enrollment.EnrollmentStatistics;
import com.yibaoflow.identity.Department;
import com.yibaoflow.monitoring.ReferralStatistics;
import com.yibaoflow.monitoring.WarningStatistics;
import com.yibaoflow.policy.PolicyService;
import com.yibaoflow.policy.calc.HardshipCategory;
import com.yibaoflow.policy.calc.PolicyParameters.Periods;
import com.yibaoflow.region.Region;
import com.yibaoflow.region.RegionDirectory;
import com.yibaoflow.shared.problem.DomainException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/**
 * Puts the dashboard together from the modules that own the facts: the enrollment module's statistics, the
 * monitoring module's latest scan, and the engine's open tasks (public {@link TaskService} queries by candidate group
 * and by the {@code regionCode} variable every process carries). Reads only; nothing here writes.
 */
@Service
class DashboardService {

    /** Every process sets this variable on its instances (enrollment, hardship, outreach, major matters). */
    static final String REGION_VARIABLE = "regionCode";

    static final String MAJOR_MATTER_PROCESS = "major-matter-request";

    /** The steps of processes/major-matter-request.bpmn in their order, with the level each belongs to. */
    static final Map<String, String[]> MAJOR_MATTER_STEPS = stepLabels();

    /** Departments whose groups are offered tasks; auditors and administrators are not. */
    static final Set<Department> TASK_DEPARTMENTS =
            EnumSet.complementOf(EnumSet.of(Department.AUDITORS, Department.CAMUNDA_ADMIN));

    static final Map<String, String> POPULATION_GROUPS = Map.of(
            "LOW_INCOME", "低收入人口",
            "FORMERLY_POOR", "脱贫人口（含监测对象）",
            "RURAL_OTHER", "其他农村居民",
            "OTHER", "其他参保人员");

    static final String TARGET_NOTE = "系统中尚无乡镇参保任务数（目标），以上年度参保人数作参照";

    private final EnrollmentStatistics enrollments;
    private final WarningStatistics warnings;
    private final ReferralStatistics referrals;
    private final TaskService tasks;
    private final PolicyService policies;
    private final RegionDirectory regions;
    private final Clock clock;

    DashboardService(
            EnrollmentStatistics enrollments,
            WarningStatistics warnings,
            ReferralStatistics referrals,
            TaskService tasks,
            PolicyService policies,
            RegionDirectory regions,
            Clock clock) {
        this.enrollments = enrollments;
        this.warnings = warnings;
        this.referrals = referrals;
        this.tasks = tasks;
        this.policies = policies;
        this.regions = regions;
        this.clock = clock;
    }

    Dashboard dashboard(String regionCode, int coverageYear) {
        Region region = regions.all().stream()
                .filter(r -> r.code().equals(regionCode))
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("Region " + regionCode + " not found"));
        Instant now = clock.instant();
        Dashboard.Period period = collectionPeriod(regionCode, coverageYear);
        EnrollmentStatistics.Statistics stats = enrollments.of(regionCode, coverageYear);
        ReferralStatistics.Referrals referred = referrals.of(regionCode, coverageYear);
        return new Dashboard(
                regionCode,
                region.name(),
                coverageYear,
                now,
                period,
                TARGET_NOTE,
                stats.townships().stream()
                        .map(t -> new Dashboard.Township(
                                t.township(),
                                t.enrolled(),
                                t.awaitingPayment(),
                                t.lapsed(),
                                t.inReview(),
                                t.previousYearEnrolled()))
                        .toList(),
                stats.categories().stream()
                        .map(c -> new Dashboard.Subsidy(
                                c.category(), categoryName(c.category()), c.enrollments(), c.subsidyTotal()))
                        .toList(),
                departmentTasks(regionCode, now),
                majorMatters(regionCode, now),
                warnings.latest(regionCode, coverageYear)
                        .map(DashboardService::warnings)
                        .orElse(null),
                ReferralPanel.states(referred),
                ReferralPanel.outcomes(referred),
                ReferralPanel.note(referred),
                trend(stats.weeks(), period));
    }

    private Dashboard.Period collectionPeriod(String regionCode, int coverageYear) {
        try {
            Periods periods = policies.activeSnapshot(regionCode, coverageYear)
                    .parameters()
                    .periods();
            return new Dashboard.Period(periods.collectionStart(), periods.collectionEnd());
        } catch (DomainException noActivePolicy) {
            return null;
        }
    }

    private List<Dashboard.DepartmentTasks> departmentTasks(String regionCode, Instant now) {
        List<Dashboard.DepartmentTasks> result = new ArrayList<>();
        for (Department d : TASK_DEPARTMENTS) {
            long open = tasks.createTaskQuery()
                    .taskCandidateGroup(d.groupId())
                    .includeAssignedTasks()
                    .processVariableValueEquals(REGION_VARIABLE, regionCode)
                    .count();
            if (open == 0) {
                continue;
            }
            long overdue = tasks.createTaskQuery()
                    .taskCandidateGroup(d.groupId())
                    .includeAssignedTasks()
                    .processVariableValueEquals(REGION_VARIABLE, regionCode)
                    .dueBefore(Date.from(now))
                    .count();
            result.add(new Dashboard.DepartmentTasks(d.groupId(), d.chineseName(), open, overdue));
        }
        return result;
    }

    private List<Dashboard.MajorMatterStep> majorMatters(String regionCode, Instant now) {
        Map<String, long[]> byStep = new LinkedHashMap<>();
        MAJOR_MATTER_STEPS.keySet().forEach(key -> byStep.put(key, new long[5]));
        for (Task task : tasks.createTaskQuery()
                .processDefinitionKey(MAJOR_MATTER_PROCESS)
                .processVariableValueEquals(REGION_VARIABLE, regionCode)
                .list()) {
            long[] counts = byStep.computeIfAbsent(task.getTaskDefinitionKey(), k -> new long[5]);
            long days = Math.max(
                    0, Duration.between(task.getCreateTime().toInstant(), now).toDays());
            counts[0]++;
            counts[days <= 7 ? 1 : days <= 30 ? 2 : 3]++;
            counts[4] = Math.max(counts[4], days);
        }
        List<Dashboard.MajorMatterStep> result = new ArrayList<>();
        byStep.forEach((key, c) -> {
            String[] labels = MAJOR_MATTER_STEPS.getOrDefault(key, new String[] {"其他", "其他环节"});
            result.add(new Dashboard.MajorMatterStep(key, labels[0], labels[1], c[0], c[1], c[2], c[3], c[4]));
        });
        return result;
    }

    private static Dashboard.Warnings warnings(WarningStatistics.LatestScan scan) {
        return new Dashboard.Warnings(
                scan.scanId(),
                scan.asOf(),
                scan.startedAt(),
                scan.scanned(),
                scan.warnings(),
                scan.groups().stream()
                        .map(g -> new Dashboard.Warnings.Group(
                                g.populationGroup(),
                                POPULATION_GROUPS.getOrDefault(g.populationGroup(), "其他"),
                                g.warnings(),
                                g.outOfPocket()))
                        .toList());
    }

    /** Every week of the collection period (zeros included), and any week outside it that has applications. */
    static List<Dashboard.Week> trend(List<EnrollmentStatistics.WeeklyIntake> weeks, Dashboard.Period period) {
        TreeMap<LocalDate, Dashboard.Week> byWeek = new TreeMap<>();
        if (period != null && !period.end().isBefore(period.start())) {
            LocalDate last = monday(period.end());
            for (LocalDate w = monday(period.start()); !w.isAfter(last); w = w.plusWeeks(1)) {
                byWeek.put(w, new Dashboard.Week(w, 0, 0));
            }
        }
        weeks.forEach(w -> byWeek.put(w.weekStart(), new Dashboard.Week(w.weekStart(), w.received(), w.enrolled())));
        return List.copyOf(byWeek.values());
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static String categoryName(String category) {
        try {
            return HardshipCategory.valueOf(category).chineseName();
        } catch (IllegalArgumentException unknown) {
            return "其他类别";
        }
    }

    private static Map<String, String[]> stepLabels() {
        Map<String, String[]> steps = new LinkedHashMap<>();
        steps.put("Task_CountyReview", new String[] {"县级", "县医保局审核"});
        steps.put("Task_CityReview", new String[] {"市级", "市医保局审核"});
        steps.put("Task_ProvinceReview", new String[] {"省级", "省医保局研究意见"});
        steps.put("Task_FinanceOpinion", new String[] {"省级", "省财政厅会签意见"});
        steps.put("Task_JointOpinion", new String[] {"省级", "形成办理意见"});
        steps.put("Task_FileWithNhsa", new String[] {"国家备案", "向国家医保局备案"});
        steps.put("Task_FileWithMof", new String[] {"国家备案", "向财政部备案"});
        steps.put("Task_FileWithSta", new String[] {"国家备案", "向国家税务总局备案"});
        steps.put("Task_ReviseRequest", new String[] {"退回修改", "修改请示（退回）"});
        return steps;
    }
}
