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

    /** Two decimals: {@code 1.85}. */
    static String twoDecimals(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Empty for one seed, else {@code  (median of 3 seeds, 0.801 to 0.812)}. */
    static String overSeeds(org.adaptivesparse.stats.Spread s, int seeds) {
        return seeds <= 1 || s.n() <= 1 ? "" : " (median of " + s.n() + " seeds, " + ratio(s.min()) + " to "
                + ratio(s.max()) + ")";
    }

    /** {@link #overSeeds} with two decimals, for lifts. */
    static String overSeedsTwo(org.adaptivesparse.stats.Spread s, int seeds) {
        return seeds <= 1 || s.n() <= 1 ? "" : " (median of " + s.n() + " seeds, " + twoDecimals(s.min()) + " to "
                + twoDecimals(s.max()) + ")";
    }

    /** A count with thousands separators: {@code 60,000}. */
    static String count(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /** Seconds: {@code 12.3 s}. */
    static String seconds(double v) {
        return String.format(Locale.ROOT, "%.1f s", v);
    }
}
