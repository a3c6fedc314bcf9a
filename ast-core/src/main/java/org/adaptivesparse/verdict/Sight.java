package org.adaptivesparse.verdict;

import java.util.Arrays;
import java.util.List;
import org.adaptivesparse.result.Detectable;
import org.adaptivesparse.stats.DetectableDrop;

/**
 * The detectable drops of the gate's comparisons, with their words: one place that states the method
 * (a one-sided Student-t bound at 95 %, see {@link DetectableDrop}) for the baseline rule, the exact
 * same-environment rule, comparisons with a control and the history.
 */
final class Sight {
    /** What the remedy of a blind gate is, in the order to try it. */
    static final String REMEDY = "more seeds (seeds, in the baseline and in the check), more test data (testLimit,"
            + " limit) or fewer noisy settings (threads 1, a larger evalLimit)";

    private Sight() {
    }

    /**
     * The baseline's seeds against this run's: {@code t(0.95, nb + nc - 2) · sp · sqrt(1/nb + 1/nc)}.
     *
     * @param tolerance the drop the rule is to catch, in the figure's units
     */
    static Detectable twoSample(String figure, String unit, double[] baseline, double[] current, double tolerance,
            String toleranceName) {
        double sd = DetectableDrop.pooledSd(baseline, current);
        return twoSample(figure, unit, baseline, current, DetectableDrop.finite(baseline).length, sd, tolerance, toleranceName);
    }

    /**
     * Like {@link #twoSample(String, String, double[], double[], double, String)} for a figure the baseline
     * records only as a median over {@code baselineSeeds} seeds: its spread is taken to be this run's.
     */
    static Detectable twoSample(String figure, String unit, double[] baseline, double[] current, int baselineSeeds,
            double sd, double tolerance, String toleranceName) {
        int nb = baselineSeeds;
        int nc = DetectableDrop.finite(current).length;
        double drop = DetectableDrop.twoSample(sd, nb, nc);
        String method = "one-sided t at 95 %, " + nb + " + " + nc + " seeds";
        Integer needed = null;
        double with = Double.NaN;
        Detectable probe = new Detectable(figure, unit, drop, method, tolerance, toleranceName, nb, nc, sd, null,
                Double.NaN, list(baseline), list(current), "");
        if (probe.blind() && !Double.isNaN(sd)) {
            needed = DetectableDrop.seedsFor(sd, tolerance, Math.max(nb, nc) + 1);
            with = needed < 0 ? Double.NaN : DetectableDrop.twoSample(sd, needed, needed);
        }
        StringBuilder t = new StringBuilder(figure).append(": detectable drop ");
        if (Double.isNaN(drop)) {
            t.append("unknown here (").append(nb).append(" + ").append(nc)
                    .append(" seeds: no spread to estimate the noise from; run 2 or more seeds)");
        } else {
            t.append(probe.formatDrop(drop)).append(" here (").append(method).append(", sd ").append(probe.format(sd))
                    .append(')');
            if (!Double.isNaN(tolerance)) {
                t.append(probe.blind() ? ", larger than " : ", within ").append(toleranceName).append(' ')
                        .append(probe.format(tolerance));
            }
            if (needed != null) {
                t.append(needed < 0 ? "; not even " + DetectableDrop.MAX_SEEDS + " seeds would bring it under"
                        : "; with " + needed + " seeds: " + probe.format(with));
            }
        }
        return new Detectable(figure, unit, drop, method, tolerance, toleranceName, nb, nc, sd, needed, with,
                list(baseline), list(current), t.toString());
    }

    /** The exact same-environment rule: any seed moving more than its tolerance is flagged. */
    static Detectable exact(double[] baseline, double[] current, double tolerance) {
        String method = "exact same-environment rule";
        return new Detectable("accuracy", Detectable.RATIO, tolerance, method, tolerance, "sameEnvironmentTolerance",
                baseline.length, current.length, Double.NaN, null, Double.NaN, list(baseline), list(current),
                "accuracy: detectable drop " + Fmt.ratio(tolerance) + " here (the exact same-environment rule: every"
                        + " seed must reproduce within sameEnvironmentTolerance)");
    }

    /**
     * A figure other than accuracy in the baseline's own environment: its seeds reproduce bit for bit, so
     * there is no noise to tell a drop from, and the rule sees any drop beyond its tolerance.
     */
    static Detectable reproducing(String figure, String unit, double[] baseline, double[] current, double tolerance,
            String toleranceName) {
        String method = "same environment, runs reproduce bit for bit";
        Detectable probe = new Detectable(figure, unit, 0, method, tolerance, toleranceName, baseline.length,
                current.length, 0, null, Double.NaN, list(baseline), list(current), "");
        return new Detectable(figure, unit, 0, method, tolerance, toleranceName, baseline.length, current.length, 0,
                null, Double.NaN, list(baseline), list(current), figure + ": detectable drop " + probe.format(0)
                        + " here (" + method + ": no noise), within " + toleranceName + " " + probe.format(tolerance));
    }

    /**
     * AST's figure against a control, paired by seed: {@code t(0.95, n - 1) · sd / sqrt(n)} of the
     * differences, how far their median may sit from the true difference. No tolerance: a limit on it
     * is a bound, not a drop.
     */
    static Detectable paired(String figure, String label, String unit, double[] differences) {
        double[] d = DetectableDrop.finite(differences);
        double drop = DetectableDrop.paired(d);
        double sd = DetectableDrop.sd(d);
        String method = "one-sided paired t at 95 %, " + d.length + " seed" + (d.length == 1 ? "" : "s");
        Detectable probe = new Detectable(figure, unit, drop, method, Double.NaN, null, d.length, d.length, sd, null,
                Double.NaN, List.of(), list(d), "");
        String text = label + ": detectable change " + (Double.isNaN(drop)
                ? "unknown here (" + d.length + " seed" + (d.length == 1 ? "" : "s")
                        + ": no spread to estimate the noise from; run 2 or more seeds)"
                : probe.format(drop) + " here (" + method + ", sd " + probe.format(sd) + ")");
        return new Detectable(figure, unit, drop, method, Double.NaN, null, d.length, d.length, sd, null, Double.NaN,
                List.of(), list(d), text);
    }

    /**
     * This run's median against the earlier runs of its history series: the one-sided prediction
     * bound {@code t(0.95, N - 1) · s · sqrt(1 + 1/N)}.
     */
    static Detectable history(String figure, String unit, double[] series, double[] current, double tolerance,
            String toleranceName, String seriesName) {
        double[] h = DetectableDrop.finite(series);
        double drop = DetectableDrop.prediction(h);
        double sd = DetectableDrop.sd(h);
        String method = "one-sided t prediction bound at 95 %, " + h.length + " earlier runs";
        Detectable probe = new Detectable(figure, unit, drop, method, tolerance, toleranceName, h.length,
                DetectableDrop.finite(current).length, sd, null, Double.NaN, list(h), list(current), "");
        String text = figure + ": detectable drop " + probe.formatDrop(drop) + " against the history (" + method
                + " of series " + seriesName + ", sd " + probe.format(sd) + ")"
                + (Double.isNaN(tolerance) ? ""
                        : (probe.blind() ? ", larger than " : ", within ") + toleranceName + " "
                                + probe.format(tolerance));
        return new Detectable(figure, unit, drop, method, tolerance, toleranceName, h.length, DetectableDrop.finite(current).length, sd,
                null, Double.NaN, list(h), list(current), text);
    }

    /** The refuseBlindGate line: the figure, both numbers and the remedy. */
    static String blindMessage(Detectable d) {
        String seeds = d.seedsNeeded() == null || d.seedsNeeded() < 0 ? ""
                : " (" + d.seedsNeeded() + " seeds would see " + d.format(d.dropWithSeeds()) + ")";
        if (Double.isNaN(d.drop())) {
            return "refuseBlindGate: " + d.figure() + "'s detectable drop is unknown (" + d.method() + ": no spread to"
                    + " estimate the noise from), so this gate cannot tell whether it sees a drop of " + d.toleranceName()
                    + " " + d.format(d.tolerance()) + "; use " + REMEDY;
        }
        return "refuseBlindGate: " + d.figure() + "'s detectable drop " + d.formatDrop(d.drop()) + " (" + d.method()
                + ") is larger than " + d.toleranceName() + " " + d.format(d.tolerance())
                + ", so this gate cannot see a drop of that size; use " + REMEDY + seeds;
    }

    private static List<Double> list(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }
}
