package com.yibaoflow.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #21 §3: the Camunda Forms of {@code forms/} as a caseworker reads them. Every text, label, description and
 * option label is Chinese, with no Latin word but the abbreviations a caseworker knows (no engine term, variable
 * name, enum constant or rule ID); a task form shows the case's facts read-only and asks only for its decision and
 * reason ({@link #EDITABLE} lists what each form asks for); every decision that refuses, rejects or returns requires
 * its reason; every free text a caseworker types has a length or format limit.
 */
class CaseworkerFormsTests {

    /** Latin abbreviations a caseworker reads as such. */
    static final Set<String> ALLOWED_LATIN = Set.of("CNY", "ID");

    /** The decision values that refuse, reject or return a case: each requires a reason on its form. */
    static final Set<String> REFUSALS = Set.of("REJECT", "REFUSE", "RETURN", "NOT_ELIGIBLE", "NO_REQUEST");

    /**
     * What each form asks for; every other input field is a fact and read-only. The start form and the correction
     * form ask for the application itself, the revision form for the revised request.
     */
    /** What a resident applies with: the correction form asks for it again. */
    static final Set<String> APPLICATION = Set.of(
            "name", "residence", "residencePermitNumber", "township", "phone", "claimedCategories", "paidBackYears");

    static final Map<String, Set<String>> EDITABLE = Map.ofEntries(
            Map.entry("enrollment-start", with(APPLICATION, "idNumber", "regionCode", "coverageYear")),
            Map.entry("correct-enrollment", APPLICATION),
            Map.entry("review-enrollment", Set.of("reviewDecision", "reviewReasonCode", "reviewComment")),
            Map.entry("verify-hardship-claim", Set.of("decision", "refusalReason", "evidenceRequest")),
            Map.entry("provide-hardship-evidence", Set.of("evidenceNote")),
            Map.entry("verify-high-cost-referral", Set.of("outcome", "identifiedCategory", "outcomeReason")),
            Map.entry("outreach-township", Set.of("outreachNote")),
            Map.entry(
                    "fund-warning",
                    Set.of("fundWarningDecision", "draftTitle", "draftSituation", "draftProposal", "noRequestReason")),
            Map.entry("review-major-matter", Set.of("decision", "opinion")),
            Map.entry("opinion-major-matter", Set.of("opinion")),
            Map.entry("file-major-matter", Set.of("filingReference", "filingDate")),
            Map.entry("revise-major-matter", Set.of("situation", "proposal")));

    static final Pattern CJK = Pattern.compile("\\p{IsHan}");
    static final Pattern LATIN_WORD = Pattern.compile("[A-Za-z][A-Za-z_]+");
    /** {@code =decision != "REFUSE"}: the field is shown only for that one value. */
    static final Pattern SHOWN_FOR = Pattern.compile("^=\\s*(\\w+)\\s*!=\\s*\"(\\w+)\"\\s*$");

    static final Set<String> INPUTS = Set.of(
            "textfield", "textarea", "number", "select", "radio", "checklist", "checkbox", "datetime", "taglist");
    static final Set<String> FREE_TEXT = Set.of("textfield", "textarea");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyFormSpeaksChineseShowsFactsReadOnlyAndRequiresAReasonForARefusal() throws IOException {
        List<String> problems = new ArrayList<>();
        List<Path> forms = forms();
        for (Path form : forms) {
            problems.addAll(problems(json.readTree(form.toFile())));
        }
        assertThat(forms.stream().map(f -> f.getFileName().toString().replace(".form", "")))
                .as("every form is listed in EDITABLE, and only those")
                .containsExactlyInAnyOrderElementsOf(EDITABLE.keySet());
        assertThat(problems).isEmpty();
    }

    @Test
    void theRulesCatchEnglishAnEditableFactAMissingRefusalReasonAndUnlimitedText() throws IOException {
        JsonNode form = json.readTree("""
                {"id": "review-major-matter", "components": [
                  {"type": "text", "text": "## Review the request (R-MM-02)"},
                  {"type": "textfield", "key": "title", "label": "标题"},
                  {"type": "radio", "key": "decision", "label": "审核决定", "validate": {"required": true},
                   "values": [{"label": "同意", "value": "APPROVE"}, {"label": "REJECT", "value": "REJECT"}]},
                  {"type": "textarea", "key": "opinion", "label": "审核意见 opinion"}]}""");
        assertThat(problems(form))
                .anyMatch(p -> p.contains("text") && p.contains("Review"))
                .anyMatch(p -> p.contains("R-MM-02") || p.contains("MM"))
                .anyMatch(p -> p.contains("title") && p.contains("read-only"))
                .anyMatch(p -> p.contains("option") && p.contains("REJECT"))
                .anyMatch(p -> p.contains("opinion") && p.contains("Latin"))
                .anyMatch(p -> p.contains("REJECT") && p.contains("reason"))
                .anyMatch(p -> p.contains("opinion") && p.contains("maxLength"));

        JsonNode fixed = json.readTree("""
                {"id": "review-major-matter", "components": [
                  {"type": "text", "text": "## 审核请示"},
                  {"type": "textfield", "key": "title", "label": "标题", "readonly": true},
                  {"type": "radio", "key": "decision", "label": "审核决定", "validate": {"required": true},
                   "values": [{"label": "同意", "value": "APPROVE"}, {"label": "不同意", "value": "REJECT"}]},
                  {"type": "textarea", "key": "opinion", "label": "不同意的理由",
                   "validate": {"required": true, "maxLength": 2000}, "conditional": {"hide": "=decision != \\"REJECT\\""}}]}""");
        assertThat(problems(fixed)).isEmpty();
    }

    private List<String> problems(JsonNode form) {
        String id = form.path("id").asText();
        Set<String> editable = EDITABLE.getOrDefault(id, Set.of());
        List<String> problems = new ArrayList<>();
        List<JsonNode> fields = new ArrayList<>();
        flatten(form.path("components"), fields);
        for (JsonNode field : fields) {
            String where = id + " " + field.path("type").asText() + " "
                    + field.path("key").asText(field.path("id").asText());
            for (String property : List.of("text", "label", "description", "dateLabel", "timeLabel")) {
                if (field.hasNonNull(property)) {
                    problems.addAll(
                            text(where + " " + property, field.get(property).asText()));
                }
            }
            for (JsonNode option : field.path("values")) {
                problems.addAll(text(where + " option", option.path("label").asText()));
            }
            if (!INPUTS.contains(field.path("type").asText())) {
                continue;
            }
            boolean readOnly =
                    field.path("readonly").asBoolean() || field.path("disabled").asBoolean();
            if (!editable.contains(field.path("key").asText()) && !readOnly) {
                problems.add(where + ": a fact, to be shown read-only (readonly or disabled)");
            }
            if (!readOnly
                    && FREE_TEXT.contains(field.path("type").asText())
                    && !field.path("validate").has("maxLength")
                    && !field.path("validate").has("pattern")) {
                problems.add(where + ": free text without a maxLength or pattern");
            }
        }
        for (JsonNode decision : fields) {
            for (JsonNode option : decision.path("values")) {
                String value = option.path("value").asText();
                if (!decision.path("readonly").asBoolean()
                        && REFUSALS.contains(value)
                        && !reasonRequired(fields, decision.path("key").asText(), value)) {
                    problems.add(id + " " + decision.path("key").asText() + "=" + value
                            + ": no required reason field shown for it");
                }
            }
        }
        return problems;
    }

    /** A required, editable field other than the decision that is shown always or for this decision value. */
    private static boolean reasonRequired(List<JsonNode> fields, String decisionKey, String value) {
        for (JsonNode field : fields) {
            if (field.path("key").asText().equals(decisionKey)
                    || field.path("readonly").asBoolean()
                    || !field.path("validate").path("required").asBoolean()
                    || !INPUTS.contains(field.path("type").asText())) {
                continue;
            }
            String hide = field.path("conditional").path("hide").asText("");
            if (hide.isEmpty()) {
                return true;
            }
            Matcher shownFor = SHOWN_FOR.matcher(hide);
            if (shownFor.matches()
                    && shownFor.group(1).equals(decisionKey)
                    && shownFor.group(2).equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> text(String where, String text) {
        List<String> problems = new ArrayList<>();
        if (text.isBlank()) {
            return problems;
        }
        if (!CJK.matcher(text).find()) {
            problems.add(where + ": not Chinese: " + text);
        }
        Matcher latin = LATIN_WORD.matcher(text);
        while (latin.find()) {
            if (!ALLOWED_LATIN.contains(latin.group())) {
                problems.add(where + ": Latin word " + latin.group() + " in: " + text);
            }
        }
        return problems;
    }

    private static void flatten(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            into.add(c);
            if (c.has("components")) {
                flatten(c.get("components"), into);
            }
        }
    }

    private static Set<String> with(Set<String> keys, String... more) {
        Set<String> all = new java.util.HashSet<>(keys);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static List<Path> forms() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            return files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
    }
}
