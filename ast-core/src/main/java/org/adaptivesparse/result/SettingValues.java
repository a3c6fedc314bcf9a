package org.adaptivesparse.result;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares setting values the way a user reads them. JSON has one number type, so a setting
 * written as the int {@code 3} comes back as {@code 3.0} or {@code 3L}; these compare equal here.
 */
public final class SettingValues {
    private SettingValues() {
    }

    /** The canonical text of a setting value: numbers without trailing zeros ({@code 3}, {@code 0.15}). */
    public static String canonical(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                return Double.toString(d);
            }
            return plain(BigDecimal.valueOf(d));
        }
        if (value instanceof BigDecimal b) {
            return plain(b);
        }
        if (value instanceof Number n) {
            try {
                return plain(new BigDecimal(n.toString()));
            } catch (NumberFormatException e) {
                return n.toString();
            }
        }
        return value.toString();
    }

    private static String plain(BigDecimal b) {
        return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
    }

    /** True when both values have the same {@link #canonical(Object)} text. */
    public static boolean same(Object a, Object b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * The keys whose values differ, each as {@code key: baseline X, current Y} ({@code absent}
     * when a side lacks the key), in key order.
     */
    public static List<String> differences(Map<String, Object> baseline, Map<String, Object> current) {
        Map<String, Object> b = baseline == null ? Map.of() : baseline;
        Map<String, Object> c = current == null ? Map.of() : current;
        TreeSet<String> keys = new TreeSet<>(b.keySet());
        keys.addAll(c.keySet());
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            boolean inB = b.containsKey(k);
            boolean inC = c.containsKey(k);
            if (inB && inC && same(b.get(k), c.get(k))) {
                continue;
            }
            out.add(k + ": baseline " + (inB ? canonical(b.get(k)) : "absent") + ", current "
                    + (inC ? canonical(c.get(k)) : "absent"));
        }
        return out;
    }

    /**
     * A copy of {@code m} with integral numbers as {@link Long} and other numbers as {@link Double},
     * the types {@link ResultJson} reads back, so a written and re-read result equals the original.
     */
    public static Map<String, Object> normalize(Map<String, Object> m) {
        if (m == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, normalizeValue(v)));
        return out;
    }

    private static Object normalizeValue(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Enum<?> e) {
            return e.toString();
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            return v;
        }
        return v == null ? null : (v instanceof Boolean ? v : v.toString());
    }
}
