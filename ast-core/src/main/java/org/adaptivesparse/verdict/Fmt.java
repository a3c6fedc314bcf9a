package org.adaptivesparse.verdict;

import java.util.Locale;

/** The number formats of verdict messages, locale-independent so messages are the same everywhere. */
final class Fmt {
    /** Tolerance for limit comparisons, so a value printed equal to its limit is never reported as breaking it. */
    static final double EPS = 1e-9;

    private Fmt() {
    }

    /** A ratio with three decimals: {@code 0.850}. */
    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** A speedup: {@code 1.42x}. */
    static String speedup(double v) {
        return String.format(Locale.ROOT, "%.2fx", v);
    }

    /** Seconds: {@code 12.3 s}. */
    static String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f s", v);
    }
}
