package org.adaptivesparse.result;

/**
 * One rule applied to a result, whether it held or not: what CI test reports and pull-request
 * summaries list, one line each. Violations say only what broke; checks also say what held.
 *
 * @param kind    {@link #THRESHOLD} or {@link #BASELINE}
 * @param rule    the configuration name of the rule, e.g. {@code minAccuracy}, {@code maxAccuracyDrop}
 * @param metric  what was measured, e.g. {@code accuracy}
 * @param value   the measured value (NaN when it could not be measured)
 * @param limit   the bound it is held to: for a threshold the configured value, for a baseline rule the
 *                lowest value the tolerance accepts (NaN when there is none)
 * @param atLeast true when {@code value} must be at least {@code limit}, false when at most
 * @param held    true when the rule held
 * @param message one sentence; for a broken rule the violation's message, word for word
 * @param detectable how large a drop of the figure this check could see; null where that has no meaning
 *                (a threshold on one policy's own figure) and in results written before it was recorded
 */
public record Check(String kind, String rule, String metric, double value, double limit, boolean atLeast,
        boolean held, String message, Detectable detectable) {
    /** Kind: an absolute threshold. */
    public static final String THRESHOLD = "threshold";
    /** Kind: a comparison with the committed baseline. */
    public static final String BASELINE = "baseline";
    /** Kind: a comparison with the earlier runs of the history in this environment. */
    public static final String HISTORY = "history";

    /** A check without a detectable drop. */
    public Check(String kind, String rule, String metric, double value, double limit, boolean atLeast, boolean held,
            String message) {
        this(kind, rule, metric, value, limit, atLeast, held, message, null);
    }

    /** This check with {@code d} as its detectable drop. */
    public Check withDetectable(Detectable d) {
        return new Check(kind, rule, metric, value, limit, atLeast, held, message, d);
    }
}
