package com.yibaoflow.policy.calc;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The leaf parameters of a {@link PolicyParameters}, each under its dotted path, in a stable order. Used to validate
 * stored parameter sets (every leaf needs a {@link Provenance}) and to render each figure with its rule ID.
 *
 * <p>The rule, applied recursively from the root (component order of the records, keys of maps in their natural
 * order, i.e. enum declaration order):
 * <ul>
 *   <li>a {@code null} value is a leaf (value {@code null});</li>
 *   <li>a record is a branch: one child per component, path {@code parent.component}
 *       ({@code funding.individualStandard});</li>
 *   <li>a {@link Map} is a branch: one child per key, path {@code parent.KEY} (enum keys by name); its values follow
 *       the same rule, so scalar values are leaves ({@code subsidies.MINIMUM_LIVING}) and record values recurse
 *       ({@code benefits.assistance.MINIMUM_LIVING.ratio}); an empty map has no leaves;</li>
 *   <li>everything else is a leaf: scalars (BigDecimal, numbers, boolean, LocalDate, enum, String) and collections
 *       ({@code benefits.criticalIllness.segments}, {@code waiting.exemptGroups} are one leaf each, elements
 *       included);</li>
 *   <li>exception: a <em>value record</em> is a leaf, not a branch. A value record models one figure that may be
 *       stated in alternative forms, so it has one provenance. The value records are listed in
 *       {@link #VALUE_RECORDS}: currently {@link PolicyParameters.WarningLine} (an absolute amount <em>or</em> a
 *       ratio of the rural income, R-MON-02), so {@code monitoring.warningLines.LOW_INCOME} is one leaf.</li>
 * </ul>
 */
public final class ParameterPaths {

    /** Record types that are single figures (leaves) rather than branches; see the class comment. */
    public static final Set<Class<?>> VALUE_RECORDS = Set.of(PolicyParameters.WarningLine.class);

    private static final Comparator<Object> NATURAL_ORDER = ParameterPaths::compareNatural;

    private ParameterPaths() {}

    /** Every leaf of the parameters, path → value (values as stored, possibly null), in a stable order. */
    public static LinkedHashMap<String, Object> leaves(PolicyParameters parameters) {
        LinkedHashMap<String, Object> leaves = new LinkedHashMap<>();
        collect("", parameters, leaves);
        return leaves;
    }

    /** The leaf paths of the snapshot's parameters that have no provenance entry, in leaf order. */
    public static List<String> missingProvenance(PolicySnapshot snapshot) {
        return leaves(snapshot.parameters()).keySet().stream()
                .filter(path -> !snapshot.provenance().containsKey(path))
                .toList();
    }

    /**
     * A parameter value as text for explanations: BigDecimal plain, enums by name, collections and maps with their
     * elements in natural order ({@code [NEWBORN]}), records as {@code {upTo=35000, ratio=0.60}}.
     */
    public static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof Collection<?> collection) {
            List<?> elements = value instanceof Set<?> ? sorted(collection) : List.copyOf(collection);
            return elements.stream().map(ParameterPaths::render).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return sorted(map.keySet()).stream()
                    .map(k -> render(k) + "=" + render(map.get(k)))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value.getClass().isRecord()) {
            StringBuilder text = new StringBuilder("{");
            RecordComponent[] components = value.getClass().getRecordComponents();
            for (int i = 0; i < components.length; i++) {
                text.append(i == 0 ? "" : ", ")
                        .append(components[i].getName())
                        .append('=')
                        .append(render(read(components[i], value)));
            }
            return text.append('}').toString();
        }
        return String.valueOf(value);
    }

    private static void collect(String path, Object value, Map<String, Object> leaves) {
        if (value != null && value.getClass().isRecord() && !VALUE_RECORDS.contains(value.getClass())) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collect(child(path, component.getName()), read(component, value), leaves);
            }
        } else if (value instanceof Map<?, ?> map) {
            for (Object key : sorted(map.keySet())) {
                collect(child(path, key instanceof Enum<?> e ? e.name() : String.valueOf(key)), map.get(key), leaves);
            }
        } else {
            leaves.put(path, value);
        }
    }

    private static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Object read(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("Cannot read parameter component " + component.getName(), e);
        }
    }

    private static List<Object> sorted(Collection<?> values) {
        List<Object> list = new ArrayList<>(values);
        list.sort(NATURAL_ORDER);
        return list;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compareNatural(Object a, Object b) {
        if (a instanceof Comparable ca && b != null && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        return String.valueOf(a).compareTo(String.valueOf(b));
    }
}
