package com.yibaoflow.shared.process;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads process variables whatever door set them: the Java API sets typed values, a Camunda Form in Tasklist
 * submits numbers as Long or Double, lists as JSON. One place that tolerates those shapes, so delegates stay thin.
 */
public final class ProcessVariables {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessVariables() {}

    public static String string(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    public static String requiredString(VariableScope scope, String name) {
        String s = string(scope, name);
        if (s == null) {
            throw new IllegalStateException("Process variable " + name + " is missing");
        }
        return s;
    }

    public static Integer integer(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : Integer.valueOf(s);
    }

    public static Long longValue(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        if (value == null) {
            return null;
        }
        return value instanceof Number n
                ? n.longValue()
                : Long.valueOf(value.toString().strip());
    }

    public static boolean flag(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
    }

    /** A list of texts from a Java list, a JSON array (Spin or text) or a comma-separated text. */
    public static List<String> strings(VariableScope scope, String name) {
        return strings(scope.getVariable(name));
    }

    public static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Collection<?> c) {
            c.forEach(v -> {
                if (v != null && !v.toString().isBlank()) {
                    result.add(v.toString().strip());
                }
            });
            return result;
        }
        String text = value.toString().strip();
        if (text.startsWith("[")) {
            try {
                JsonNode node = JSON.readTree(text);
                node.forEach(n -> {
                    if (!n.isNull() && !n.asText().isBlank()) {
                        result.add(n.asText().strip());
                    }
                });
                return result;
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("Not a JSON list: " + text, e);
            }
        }
        for (String part : text.split("[,，、;；]")) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }
}
