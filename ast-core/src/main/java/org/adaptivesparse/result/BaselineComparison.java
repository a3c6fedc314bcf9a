package org.adaptivesparse.result;

import java.util.List;

/**
 * The current result against the committed baseline.
 *
 * @param file        the baseline file, as given
 * @param status      {@code compared}, {@code not-comparable} (settings differ) or {@code missing}
 * @param reason      why it is not comparable (the settings that differ), or null
 * @param deltas      one row per headline figure
 */
public record BaselineComparison(String file, String status, String reason, List<Delta> deltas) {
    /** Status: the baseline was compared figure by figure. */
    public static final String COMPARED = "compared";
    /** Status: the baseline's settings differ from the run's, so its figures say nothing. */
    public static final String NOT_COMPARABLE = "not-comparable";
    /** Status: no baseline file, or no entry for this experiment in it. */
    public static final String MISSING = "missing";

    public BaselineComparison {
        deltas = deltas == null ? List.of() : List.copyOf(deltas);
    }

    /**
     * One headline figure, baseline against current.
     *
     * @param metric         e.g. {@code accuracy}
     * @param baseline       the baseline's value
     * @param current        this run's value
     * @param higherIsBetter direction, for colouring
     * @param regressed      true when the change breaks its tolerance
     * @param tolerance      the rule applied, in words, e.g. {@code drop at most 0.020}
     */
    public record Delta(String metric, double baseline, double current, boolean higherIsBetter, boolean regressed,
            String tolerance) {
        public double delta() {
            return current - baseline;
        }
    }
}
