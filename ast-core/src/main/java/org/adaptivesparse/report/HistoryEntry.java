package org.adaptivesparse.report;

/**
 * One run's headline figures in the history file: one JSON line.
 *
 * @param schemaVersion  the line's format, {@link #SCHEMA_VERSION}; lines written before it was
 *                       recorded read as version 1
 * @param timestamp      ISO-8601 instant the entry was appended
 * @param experiment     experiment name
 * @param gitCommit      the commit measured, when known
 * @param accuracy       AST final test accuracy, the median over seeds
 * @param activation     AST activation over the whole run, median over seeds
 * @param modeledSavings AST modeled energy savings over the whole run, median over seeds
 * @param speedupVsFull  measured speedup against full, null without a full control
 * @param passed         the verdict, null when the run was not checked
 * @param accuracyLow    the lowest AST final accuracy over the run's seeds; null with one seed or in older lines
 * @param accuracyHigh   the highest, likewise: with {@code accuracyLow}, the spread the trend chart draws
 */
public record HistoryEntry(int schemaVersion, String timestamp, String experiment, String gitCommit, double accuracy, double activation,
        double modeledSavings, Double speedupVsFull, Boolean passed, Double accuracyLow, Double accuracyHigh) {
    /** The line format this build writes; version 1 lines (no {@code schemaVersion}) read the same. */
    public static final int SCHEMA_VERSION = 2;

    public HistoryEntry {
        schemaVersion = schemaVersion == 0 ? 1 : schemaVersion;
    }
}
