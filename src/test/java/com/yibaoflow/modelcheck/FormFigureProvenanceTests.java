package com.yibaoflow.modelcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue #17 item 2 (RULES.md "Parameter provenance": shown wherever a figure is used): every figure a Tasklist form
 * shows — a field whose label carries an amount or month unit, or a back-payment breakdown — is followed, before
 * any other kind of field, by a read-only provenance field (key ending in {@code Provenance}, label naming the
 * source). The delegates' tests check the variables are written.
 */
class FormFigureProvenanceTests {

    /** 元 (CNY), 月 as a unit ("（月）", "月数"), the back-payment breakdown; not 月份 (a month, not a figure). */
    static final Pattern FIGURE_LABEL = Pattern.compile("元|（月）|月数|补缴明细");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyFigureOnAFormHasItsProvenanceFieldNextToIt() throws IOException {
        List<String> problems = new ArrayList<>();
        int figures = 0;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            for (Path form :
                    files.filter(f -> f.toString().endsWith(".form")).sorted().toList()) {
                List<JsonNode> fields = new ArrayList<>();
                flatten(json.readTree(form.toFile()).get("components"), fields);
                for (int i = 0; i < fields.size(); i++) {
                    if (!isFigure(fields.get(i))) {
                        continue;
                    }
                    figures++;
                    JsonNode provenance = provenanceAfter(fields, i);
                    String where = form.getFileName() + " field "
                            + fields.get(i).path("key").asText();
                    if (provenance == null) {
                        problems.add(where + " has no provenance field after it");
                    } else if (!provenance.path("readonly").asBoolean()
                            || !provenance.path("label").asText().contains("来源")) {
                        problems.add(where + ": its provenance field must be read-only and labelled …来源");
                    }
                }
            }
        }
        assertThat(figures)
                .as("the forms show figures (personal due, warning lines, fund data)")
                .isGreaterThan(10);
        assertThat(problems).isEmpty();
    }

    @Test
    void theFigureRuleRecognisesAFigureWithoutProvenance() throws IOException {
        List<JsonNode> fields = new ArrayList<>();
        flatten(json.readTree("""
                        [{"type": "textfield", "key": "personalDue", "label": "个人应缴（元）", "readonly": true},
                         {"type": "textfield", "key": "month", "label": "月份"},
                         {"type": "textfield", "key": "dueProvenance", "label": "数据来源", "readonly": true}]"""), fields);
        assertThat(isFigure(fields.get(0))).isTrue();
        assertThat(isFigure(fields.get(1))).isFalse();
        assertThat(provenanceAfter(fields, 0))
                .as("another field comes in between")
                .isNull();
        assertThat(provenanceAfter(fields, 1).path("key").asText()).isEqualTo("dueProvenance");
    }

    private static void flatten(JsonNode components, List<JsonNode> into) {
        for (JsonNode c : components) {
            if (c.has("components")) {
                flatten(c.get("components"), into);
            } else if (c.has("key")) {
                into.add(c);
            }
        }
    }

    private static boolean isFigure(JsonNode field) {
        return !isProvenance(field)
                && !field.path("type").asText().equals("text")
                && FIGURE_LABEL.matcher(field.path("label").asText()).find();
    }

    private static boolean isProvenance(JsonNode field) {
        return field.path("key").asText().endsWith("Provenance");
    }

    /** The first provenance field after a run of figures starting at {@code i}, or null when another field comes first. */
    private static JsonNode provenanceAfter(List<JsonNode> fields, int i) {
        for (int j = i + 1; j < fields.size(); j++) {
            if (isProvenance(fields.get(j))) {
                return fields.get(j);
            }
            if (!isFigure(fields.get(j))) {
                return null;
            }
        }
        return null;
    }
}
