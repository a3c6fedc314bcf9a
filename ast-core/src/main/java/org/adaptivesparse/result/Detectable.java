package org.adaptivesparse.result;

import java.util.List;
import java.util.Locale;

/**
 * How large a drop of one gated figure a check could see: the smallest drop its rule tells from the
 * noise of the seeds (or of the history) it compares, by the stated method. A check that could not see
 * a drop of its own tolerance passed or failed without knowing; reports say so beside the limit.
 *
 * @param figure         the figure, e.g. {@code accuracy}
 * @param unit           {@link #RATIO} (three decimals), {@link #LIFT} (two) or {@link #FACTOR} (a speedup)
 * @param drop           the detectable drop in the figure's units; NaN when the seeds give no estimate of
 *                       their spread (one on each side)
 * @param method         the method in words, e.g. {@code one-sided t at 95 %, 2 + 2 seeds}
 * @param tolerance      the drop the configuration asks the gate to catch, in the figure's units; NaN when
 *                       the rule has none
 * @param toleranceName  the option that sets it, e.g. {@code maxAccuracyDrop}
 * @param baselineSeeds  the values compared with: the baseline's seeds, the control's, or the history's runs
 * @param seeds          this run's seeds
 * @param sd             the standard deviation the bound was computed from (NaN with none)
 * @param seedsNeeded    the fewest seeds on both sides that bring the drop under the tolerance; null
 *                       when it is already under or the rule has no tolerance, -1 when more than 50
 * @param dropWithSeeds  the detectable drop with {@code seedsNeeded} seeds; NaN when not computed
 * @param baselineValues the values of the side compared with (the baseline's seeds, the history's runs)
 * @param currentValues  this run's seeds' values
 * @param text           the sentence every output shows, e.g.
 *                       {@code accuracy: detectable drop 0.146 here (one-sided t at 95 %, 2 + 2 seeds, sd 0.050)}
 */
public record Detectable(String figure, String unit, double drop, String method, double tolerance,
        String toleranceName, int baselineSeeds, int seeds, double sd, Integer seedsNeeded, double dropWithSeeds,
        List<Double> baselineValues, List<Double> currentValues, String text) {
    /** Unit: a ratio printed with three decimals. */
    public static final String RATIO = "ratio";
    /** Unit: a selection lift, two decimals. */
    public static final String LIFT = "lift";
    /** Unit: a factor such as a speedup, {@code 1.42x}. */
    public static final String FACTOR = "factor";

    public Detectable {
        baselineValues = baselineValues == null ? List.of() : List.copyOf(baselineValues);
        currentValues = currentValues == null ? List.of() : List.copyOf(currentValues);
    }

    /**
     * True when the gate could not see a drop of its tolerance: the detectable drop is larger than the
     * tolerance, or unknown. False when the rule has no tolerance to compare with.
     */
    public boolean blind() {
        return !Double.isNaN(tolerance) && !(drop <= tolerance + 1e-9);
    }

    /**
     * What a pass or a failure of the check meant, in plain words: {@code passed, and a drop of more than 0.020
     * would have been flagged} or {@code passed, but this gate could not see a drop smaller than 0.146}.
     */
    public String meaning(boolean held) {
        String state = held ? "passed" : "failed";
        if (Double.isNaN(drop)) {
            return state + ", but the seeds give no estimate of their noise (one on each side): this gate cannot say"
                    + " how large a drop it would see";
        }
        if (Double.isNaN(tolerance)) {
            return state + "; a drop of " + format(drop) + " would have been flagged";
        }
        if (!blind()) {
            return state + ", and a drop of more than " + format(tolerance) + " would have been flagged ("
                    + toleranceName + " " + format(tolerance) + "; detectable drop " + formatDrop(drop) + ")";
        }
        return state + ", but this gate could not see a drop smaller than " + formatDrop(drop) + " (" + toleranceName
                + " " + format(tolerance) + ")";
    }

    /** A value in this figure's unit: {@code 0.146}, {@code 1.85}, {@code 1.42x}. */
    public String format(double v) {
        return format(v, 0);
    }

    /**
     * A drop beside the tolerance, with one more digit when the usual ones would show them equal although
     * they are not: {@code 0.0302} against {@code 0.030}, never "0.030 is larger than 0.030".
     */
    public String formatDrop(double v) {
        boolean tie = !Double.isNaN(v) && !Double.isNaN(tolerance) && format(v).equals(format(tolerance))
                && Math.abs(v - tolerance) > 1e-9;
        return format(v, tie ? 1 : 0);
    }

    private String format(double v, int extraDigits) {
        if (Double.isNaN(v)) {
            return "unknown";
        }
        return switch (unit == null ? RATIO : unit) {
            case LIFT -> String.format(Locale.ROOT, "%." + (2 + extraDigits) + "f", v);
            case FACTOR -> String.format(Locale.ROOT, "%." + (2 + extraDigits) + "fx", v);
            default -> String.format(Locale.ROOT, "%." + (3 + extraDigits) + "f", v);
        };
    }
}
