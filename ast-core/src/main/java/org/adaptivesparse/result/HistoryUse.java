package org.adaptivesparse.result;

/**
 * Which history series a verdict used and how much of it: the report says so whether or not the run
 * was judged against it.
 *
 * @param series  the series' name (its environment)
 * @param runs    the earlier runs of the series the run was (or would have been) judged against
 * @param minRuns {@code historyMinRuns}: below this many the series is not used yet
 * @param window  {@code historyWindow}: the most recent runs used
 */
public record HistoryUse(String series, int runs, int minRuns, int window) {
    /** True when the run was judged against the series. */
    public boolean judged() {
        return runs >= minRuns;
    }

    /** One sentence: {@code judged against 8 earlier runs of series ...}. */
    public String text() {
        return judged() ? "judged against the last " + runs + " earlier runs of history series " + series
                : "history series " + series + " holds " + runs + " earlier run" + (runs == 1 ? "" : "s")
                        + " of this experiment and settings; " + minRuns + " are needed before a run is judged against it";
    }
}
