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
 * @param selectionLift  AST's last-epoch selection lift, median over seeds; null without one and in older lines
 * @param environment    the run's environment fingerprint ({@code EnvironmentInfo.fingerprint()}: CPU model and
 *                       flags, engine, DJL, device, threads), which names its series; null in lines written
 *                       before version 3, which belong to no series
 * @param settings       the settings that decide the figures, as the baseline records them; null before version 3
 */
public record HistoryEntry(int schemaVersion, String timestamp, String experiment, String gitCommit, double accuracy, double activation,
        double modeledSavings, Double speedupVsFull, Boolean passed, Double accuracyLow, Double accuracyHigh,
        Double selectionLift, java.util.Map<String, String> environment, java.util.Map<String, Object> settings) {
    /** The line format this build writes; version 1 and 2 lines read the same, without a series. */
    public static final int SCHEMA_VERSION = 3;

    /** A line as version 2 wrote it: no lift, environment or settings. */
    public HistoryEntry(int schemaVersion, String timestamp, String experiment, String gitCommit, double accuracy,
            double activation, double modeledSavings, Double speedupVsFull, Boolean passed, Double accuracyLow,
            Double accuracyHigh) {
        this(schemaVersion, timestamp, experiment, gitCommit, accuracy, activation, modeledSavings, speedupVsFull, passed,
                accuracyLow, accuracyHigh, null, null, null);
    }

    public HistoryEntry {
        schemaVersion = schemaVersion == 0 ? 1 : schemaVersion;
    }
}
