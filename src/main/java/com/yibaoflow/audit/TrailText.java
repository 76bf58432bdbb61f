package com.yibaoflow.audit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.bpm.engine.variable.value.TypedValue;

/** How the trail writes what Camunda stored: values as they are, times in Asia/Shanghai, long texts cut. */
final class TrailText {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private TrailText() {}

    static String label(String name, String fallback) {
        return name != null && !name.isBlank() ? name : fallback;
    }

    /** A stored value as it is: an object variable's serialized form, or why it cannot be read. */
    static Object value(TypedValue typed, String errorMessage) {
        if (errorMessage != null) {
            return "（无法读取：" + errorMessage + "）";
        }
        if (typed instanceof ObjectValue object) {
            return object.getValueSerialized();
        }
        return typed == null ? null : typed.getValue();
    }

    static String text(Object value) {
        String s = value instanceof Date d
                ? OffsetDateTime.ofInstant(d.toInstant(), ZONE).toString()
                : String.valueOf(value);
        return s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
