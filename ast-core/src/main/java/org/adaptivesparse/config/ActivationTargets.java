package org.adaptivesparse.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The activation targets a sweep trains at ({@code targets}): each in (0, 1], none twice, kept in
 * ascending order.
 *
 * @param values the targets, ascending
 */
public record ActivationTargets(List<Double> values) {
    public ActivationTargets {
        values = values.stream().sorted().toList();
    }

    /** Reads {@code 0.05,0.1,0.2} or {@code 5%,10%,20%}; blank for none. */
    static ActivationTargets parse(String text) {
        String v = text == null ? "" : text.trim();
        if (v.isEmpty()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (String part : v.split(",", -1)) {
            if (part.isBlank()) {
                throw new ConfigException("targets", "targets '" + text + "' has an empty value; write a"
                        + " comma-separated list such as 0.05,0.1,0.2 or 5%,10%,20%");
            }
            out.add(Ratios.parse("targets", part.trim()));
        }
        return new ActivationTargets(out);
    }

    /** Checks that every target is in (0, 1] and none is listed twice; null (no sweep) passes. */
    static ActivationTargets check(ActivationTargets t) {
        if (t == null) {
            return null;
        }
        if (t.values().isEmpty()) {
            throw new ConfigException("targets", "targets lists no value; write e.g. 0.05,0.1,0.2, or leave it unset"
                    + " to train at targetActivation only");
        }
        for (double d : t.values()) {
            if (!(d > 0 && d <= 1)) {
                throw new ConfigException("targets", "targets " + t + ": " + plain(d) + " is out of range;"
                        + " allowed: each greater than 0 and at most 1 (e.g. 0.05,0.1,0.2 or 5%,10%,20%)");
            }
        }
        if (t.values().stream().distinct().count() != t.values().size()) {
            throw new ConfigException("targets", "targets " + t + " lists a target twice");
        }
        return t;
    }

    /** {@code 0.05,0.1,0.2}: as result.json and baselines record it. */
    @Override
    public String toString() {
        return String.join(",", values.stream().map(ActivationTargets::plain).toList());
    }

    private static String plain(double d) {
        return new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString().toLowerCase(Locale.ROOT);
    }
}
