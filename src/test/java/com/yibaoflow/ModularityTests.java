package com.yibaoflow;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.util.FileSystemUtils;

/**
 * Each direct sub-package of {@code com.yibaoflow} is a module (issue #15): no cycles between modules, and no module
 * uses another's internals (its sub-packages, unless they are named interfaces). The committed module diagram and
 * canvases in {@code docs/modules/} are checked against the code on every build.
 */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(YibaoFlowApplication.class);

    @Test
    void modulesHaveNoCyclesAndUseOnlyEachOthersApi() {
        MODULES.verify();
    }

    /** The shared kernel is open to everyone, so it must depend on no one (a cycle through it would go unseen). */
    @Test
    void sharedKernelDependsOnNoModule() {
        ApplicationModule shared = MODULES.getModuleByName("shared").orElseThrow();
        assertThat(shared.getBootstrapDependencies(MODULES)).isEmpty();
        assertThat(MODULES.stream()
                        .filter(m -> m != shared)
                        .filter(m -> shared.getDirectDependencies(MODULES).contains(m)))
                .isEmpty();
    }

    /** Which module owns each of our tables; only the owner's code names it in SQL (issue #15 §2). */
    static final Map<String, String> TABLE_OWNERS = Map.ofEntries(
            entry("region", "region"),
            entry("policy_version", "policy"),
            entry("national_floor", "policy"),
            entry("staff_member", "identity"),
            entry("enrollment_case", "enrollment"),
            entry("coverage", "enrollment"),
            entry("payment", "enrollment"),
            entry("employee_insurance_record", "enrollment"),
            entry("other_region_enrollment", "enrollment"),
            entry("prior_coverage", "enrollment"),
            entry("enrollment_import", "enrollment"),
            entry("enrollment_import_error", "enrollment"),
            entry("enrollment_tally", "enrollment"),
            entry("enrollment_tally_delta", "enrollment"),
            entry("enrollment_tally_fold", "enrollment"),
            entry("roster_version", "hardship"),
            entry("roster_entry", "hardship"),
            entry("roster_import_error", "hardship"),
            entry("roster_import", "hardship"),
            entry("subsidy_entitlement", "hardship"),
            entry("hardship_claim", "hardship"),
            entry("hardship_verification", "hardship"),
            entry("outreach", "outreach"),
            entry("outreach_entry", "outreach"),
            entry("case_history", "audit"),
            entry("audit_read", "audit"),
            entry("audit_chain_head", "audit"),
            entry("audit_checkpoint", "audit"),
            entry("case_search_indexes", "audit"),
            entry("notification", "notification"),
            entry("claim", "monitoring"),
            entry("claim_import", "monitoring"),
            entry("claim_import_error", "monitoring"),
            entry("lenient_date", "monitoring"),
            entry("lenient_amount", "monitoring"),
            entry("resident_id_valid", "monitoring"),
            entry("major_matter_issuer", "escalation"),
            entry("major_matter_number", "escalation"),
            entry("major_matter", "escalation"),
            entry("major_matter_opinion", "escalation"),
            entry("major_matter_filing", "escalation"),
            entry("major_matter_attachment", "escalation"),
            entry("fund_indicator", "escalation"),
            entry("fund_warning", "escalation"),
            entry("major_matter_policy_change", "escalation"),
            entry("holiday", "shared"),
            entry("monitoring_scan", "monitoring"),
            entry("monitoring_warning", "monitoring"),
            entry("high_cost_referral", "monitoring"),
            entry("high_cost_referral_outcome", "monitoring"),
            entry("high_cost_referral_check", "monitoring"),
            entry("high_cost_referral_pending", "monitoring"));

    @Test
    void noModuleNamesAnotherModulesTableInSql() throws IOException {
        Path root = Path.of("src/main/java/com/yibaoflow");
        Pattern table = Pattern.compile("yibao\\.([a-z_]+)");
        List<String> trespasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String module = root.relativize(file).getName(0).toString();
                Matcher m = table.matcher(Files.readString(file));
                while (m.find()) {
                    String owner = TABLE_OWNERS.get(m.group(1));
                    if (owner == null) {
                        trespasses.add(file + " names " + m.group(1) + ", which no module owns (add it above)");
                    } else if (!owner.equals(module)) {
                        trespasses.add(file + " (" + module + ") names " + owner + "'s table " + m.group(1));
                    }
                }
            }
        }
        assertThat(trespasses).isEmpty();
    }

    /**
     * The diagram and canvases are generated into {@code target/}; the committed {@code docs/modules/} must say the
     * same. Modulith writes the lines of a file in no fixed order, so files are compared as sets of lines, and a build
     * never rewrites the committed files by itself. {@code -Dmodules.docs.update=true} replaces them.
     */
    @Test
    void theCommittedModuleDiagramAndCanvasesAreTheCodes() throws IOException {
        Path generated = Path.of("target/modules-docs");
        FileSystemUtils.deleteRecursively(generated);
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(generated.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        Path committed = Path.of("docs/modules");
        if (Boolean.getBoolean("modules.docs.update")) {
            FileSystemUtils.deleteRecursively(committed);
            FileSystemUtils.copyRecursively(generated, committed);
        }
        assertThat(fileNames(committed))
                .as("docs/modules/ lists the modules; -Dmodules.docs.update=true rewrites it")
                .isEqualTo(fileNames(generated));
        for (String name : fileNames(generated)) {
            assertThat(lineSet(committed.resolve(name)))
                    .as("docs/modules/" + name + " is out of date; -Dmodules.docs.update=true rewrites it")
                    .isEqualTo(lineSet(generated.resolve(name)));
        }
    }

    private static Set<String> fileNames(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /**
     * The lines of a file as a set. A canvas lists a cell's items in no fixed order either, and only its first item
     * carries the table's {@code |}, so that mark is dropped from item lines.
     */
    private static Set<String> lineSet(Path file) throws IOException {
        return Files.readAllLines(file).stream()
                .map(line -> line.startsWith("|* ") ? line.substring(1) : line)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
