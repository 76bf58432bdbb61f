package com.yibaoflow.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The Chinese locales of Tasklist, Cockpit and Admin cover every key of the webapps' own English locale files
 * (read from the camunda-webapp-webjar on the classpath, so an upgrade that adds keys fails here), with Chinese
 * text that keeps the placeholders and markup of the English one.
 */
class WebappLocalesTests {

    private static final String BASE = "META-INF/resources/webjars/camunda/app/";

    /** Values that are the same in Chinese: product names, identifiers and operators. */
    private static final Set<String> SAME_IN_CHINESE = Set.of("Camunda", "ID", "ID*", "DMN", "BPMN", "CMMN");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*[^}]+?\\s*}}");
    private static final Pattern TAG = Pattern.compile("</?(a|br|b|strong|em|i|span|code|p|ul|ol|li|div|small|pre)\\b");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    private static final Pattern LETTERS = Pattern.compile("[A-Za-z]{2,}");

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void everyEnglishKeyHasAChineseValue(String app) throws IOException {
        Map<String, JsonNode> english = flatten(read(webjarResource(app + "/locales/en.json")));
        Map<String, JsonNode> chinese = flatten(read(ours(app + "/locales/zh-CN.json")));

        assertThat(english).hasSizeGreaterThan(400);
        assertThat(chinese.keySet()).containsAll(english.keySet());
        List<String> problems = new ArrayList<>();
        english.forEach((key, en) -> {
            JsonNode zh = chinese.get(key);
            if (en.isTextual()) {
                String problem = key.startsWith("dateLocales.longDateFormat.") // moment.js patterns
                        ? (zh == null || !zh.isTextual() ? "no text" : null)
                        : problem(en.asText(), zh);
                if (problem != null) {
                    problems.add(key + ": " + problem);
                }
            } else if (en.isArray() && (!zh.isArray() || zh.size() != en.size())) {
                problems.add(key + ": not a list of " + en.size());
            }
        });
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tasklist", "cockpit", "admin"})
    void chineseIsTheDefaultAndEnglishCanBeChosen(String app) throws IOException {
        String config = text(ours(app + "/scripts/config.js"));
        assertThat(config)
                .contains("{availableLocales: ['zh-CN'], fallbackLocale: 'zh-CN'}")
                .contains("{availableLocales: ['en', 'zh-CN'], fallbackLocale: 'en'}");
    }

    private static String problem(String en, JsonNode zhNode) {
        if (zhNode == null || !zhNode.isTextual()) {
            return "no text";
        }
        String zh = zhNode.asText();
        if (en.isBlank()) {
            return null;
        }
        if (zh.isBlank()) {
            return "empty";
        }
        if (LETTERS.matcher(stripMarkup(en)).find()
                && !SAME_IN_CHINESE.contains(en)
                && !CHINESE.matcher(zh).find()) {
            return "not Chinese: " + zh;
        }
        if (!matches(PLACEHOLDER, en).equals(matches(PLACEHOLDER, zh))) {
            return "placeholders differ: " + zh;
        }
        if (!matches(TAG, en).equals(matches(TAG, zh))) {
            return "markup differs: " + zh;
        }
        return null;
    }

    private static String stripMarkup(String s) {
        return PLACEHOLDER.matcher(s).replaceAll("").replaceAll("<[^>]*>", "").replaceAll("&[a-z]+;", "");
    }

    private static List<String> matches(Pattern pattern, String s) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(s);
        while (m.find()) {
            found.add(m.group().replaceAll("\\s", ""));
        }
        Collections.sort(found);
        return found;
    }

    private static Map<String, JsonNode> flatten(JsonNode root) {
        Map<String, JsonNode> flat = new LinkedHashMap<>();
        flatten("", root, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, JsonNode> flat) {
        if (node.isObject()) {
            node.fields()
                    .forEachRemaining(field -> flatten(
                            prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), flat));
        } else {
            flat.put(prefix, node);
        }
    }

    private JsonNode read(URL url) throws IOException {
        return json.readTree(text(url));
    }

    private static String text(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s; // the webjar's files start with a BOM
        }
    }

    /** The file of the webapp webjar itself, not the application's override of the same path. */
    private static URL webjarResource(String path) throws IOException {
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + BASE + path)) {
            URL url = resource.getURL();
            if (url.toString().contains("camunda-webapp-webjar")) {
                return url;
            }
        }
        throw new IllegalStateException("camunda-webapp-webjar has no " + path);
    }

    /** The application's own file (src/main/resources). */
    private static URL ours(String path) throws IOException {
        for (var resource : new PathMatchingResourcePatternResolver().getResources("classpath*:" + BASE + path)) {
            URL url = resource.getURL();
            if (!url.toString().contains(".jar!")) {
                return url;
            }
        }
        throw new IllegalStateException("the application has no " + path);
    }
}
