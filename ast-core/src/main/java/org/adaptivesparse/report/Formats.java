package org.adaptivesparse.report;

import java.util.Locale;

/** Number formats shared by the HTML and Markdown reports; a missing value shows as an en dash. */
final class Formats {
    static final String NONE = "\u2013";

    private Formats() {
    }

    static String ratio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : NONE;
    }

    static String ratio(Double v) {
        return v == null ? NONE : ratio(v.doubleValue());
    }

    static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f%%", 100 * v) : NONE;
    }

    static String percent(Double v) {
        return v == null ? NONE : percent(v.doubleValue());
    }

    static String signedRatio(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.3f", v) : NONE;
    }

    static String signedRatio(Double v) {
        return v == null ? NONE : signedRatio(v.doubleValue());
    }

    static String speedup(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2fx", v) : NONE;
    }

    static String speedup(Double v) {
        return v == null ? NONE : speedup(v.doubleValue());
    }

    static String seconds(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.1f s", v) : NONE;
    }

    static String seconds2(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.2f", v) : NONE;
    }

    static String loss(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v) : NONE;
    }

    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /**
     * A baseline comparison's value in its figure's unit: {@code 1.42x} for a speedup, {@code 540,000} for
     * a count of samples, {@code 0.842} otherwise.
     */
    static String deltaValue(String metric, double v) {
        if (metric.startsWith("speedup")) {
            return speedup(v);
        }
        return metric.startsWith("samples") ? count(Math.round(v)) : ratio(v);
    }

    /** A baseline comparison's change: signed, and a whole number for a count of samples. */
    static String deltaChange(String metric, double v) {
        return metric.startsWith("samples") ? (v >= 0 ? "+" : "-") + count(Math.abs(Math.round(v))) : signedRatio(v);
    }

    /** A setting or configuration value for display: numbers without trailing zeros. */
    static String value(Object v) {
        if (v == null) {
            return NONE;
        }
        return org.adaptivesparse.result.SettingValues.canonical(v);
    }
}
