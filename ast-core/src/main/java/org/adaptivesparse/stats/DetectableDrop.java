package org.adaptivesparse.stats;

import java.util.Arrays;

/**
 * The smallest drop a number of seeds can tell from their own noise: the half-width of a one-sided
 * Student-t bound at {@link #CONFIDENCE}. A drop of the figure's mean smaller than this is one the
 * seeds' spread alone could produce one time in twenty, so no rule on these seeds can flag it without
 * also flagging noise. NaN when the seeds give no estimate of their spread (one value on each side).
 */
public final class DetectableDrop {
    /** The one-sided confidence every bound here is taken at. */
    public static final double CONFIDENCE = 0.95;
    /** The largest seed count {@link #seedsFor} looks at. */
    public static final int MAX_SEEDS = 50;

    private DetectableDrop() {
    }

    /** The mean of the finite values; NaN when there are none. */
    public static double mean(double... values) {
        return Arrays.stream(finite(values)).average().orElse(Double.NaN);
    }

    /** The sample standard deviation (n - 1 in the denominator) of the non-NaN values; NaN below two. */
    public static double sd(double... values) {
        double[] v = finite(values);
        if (v.length < 2) {
            return Double.NaN;
        }
        double mean = mean(v);
        double ss = Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        return Math.sqrt(ss / (v.length - 1));
    }

    /**
     * The standard deviation pooled over two groups of seeds, {@code sqrt(((nb-1) sb² + (nc-1) sc²) / (nb + nc - 2))};
     * NaN when neither group has two values.
     */
    public static double pooledSd(double[] baseline, double[] current) {
        double[] b = finite(baseline);
        double[] c = finite(current);
        int df = b.length + c.length - 2;
        if (df < 1) {
            return Double.NaN;
        }
        double ss = (b.length > 1 ? (b.length - 1) * square(sd(b)) : 0) + (c.length > 1 ? (c.length - 1) * square(sd(c)) : 0);
        return Math.sqrt(ss / df);
    }

    /**
     * Two groups of seeds, the baseline's and this run's: {@code t(0.95, nb + nc - 2) · sp · sqrt(1/nb + 1/nc)},
     * with {@code sp} the {@link #pooledSd pooled standard deviation}.
     */
    public static double twoSample(double[] baseline, double[] current) {
        return twoSample(pooledSd(baseline, current), finite(baseline).length, finite(current).length);
    }

    /** {@link #twoSample(double[], double[])} for a known spread and seed counts. */
    public static double twoSample(double sd, int baselineSeeds, int seeds) {
        int df = baselineSeeds + seeds - 2;
        if (df < 1 || Double.isNaN(sd)) {
            return Double.NaN;
        }
        return StudentT.quantile(CONFIDENCE, df) * sd * Math.sqrt(1.0 / baselineSeeds + 1.0 / seeds);
    }

    /**
     * Differences paired by seed (AST's figure against a control's): {@code t(0.95, n - 1) · sd / sqrt(n)},
     * how far the mean difference may sit from its true value.
     */
    public static double paired(double[] differences) {
        double[] d = finite(differences);
        if (d.length < 2) {
            return Double.NaN;
        }
        return StudentT.quantile(CONFIDENCE, d.length - 1) * sd(d) / Math.sqrt(d.length);
    }

    /**
     * One new value against a series of earlier ones (a history): the one-sided prediction bound
     * {@code t(0.95, N - 1) · s · sqrt(1 + 1/N)}; a new value further than this below the series' mean is
     * flagged.
     */
    public static double prediction(double[] series) {
        double[] v = finite(series);
        if (v.length < 2) {
            return Double.NaN;
        }
        return StudentT.quantile(CONFIDENCE, v.length - 1) * sd(v) * Math.sqrt(1 + 1.0 / v.length);
    }

    /**
     * The fewest seeds, on the baseline's side and this run's alike, whose {@link #twoSample(double, int, int)}
     * bound at spread {@code sd} is at most {@code tolerance}; -1 when even {@value #MAX_SEEDS} are not enough.
     */
    public static int seedsFor(double sd, double tolerance, int atLeast) {
        for (int k = Math.max(2, atLeast); k <= MAX_SEEDS; k++) {
            if (twoSample(sd, k, k) <= tolerance) {
                return k;
            }
        }
        return -1;
    }

    /** The finite values, in order (none for null): what every bound here is taken over. */
    public static double[] finite(double[] values) {
        return values == null ? new double[0] : Arrays.stream(values).filter(Double::isFinite).toArray();
    }

    private static double square(double v) {
        return v * v;
    }
}
