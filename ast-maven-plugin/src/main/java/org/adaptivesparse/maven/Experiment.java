package org.adaptivesparse.maven;

/**
 * One {@code <experiment>} inside {@code <experiments>}. Every field is optional: a field left out
 * takes the goal's flat parameter of the same name, and {@code -Dast.<name>} on the command line
 * overrides both. Values are text, read by the core exactly as the flat parameters are, so ratios
 * may be written {@code 0.10} or {@code 10%}. See the goal's parameters for what each field means.
 */
public class Experiment {
    private String name;
    private String description;
    private String dataset;
    private String dataDir;
    private String cacheDir;
    private String allowDownload;
    private String limit;
    private String testLimit;
    private String model;
    private String epochs;
    private String batchSize;
    private String targetActivation;
    private String controls;
    private String selection;
    private String gate;
    private String lossWeight;
    private String stdWeight;
    private String kp;
    private String ki;
    private String emaAlpha;
    private String initialThreshold;
    private String warmupEpochs;
    private String seed;
    private String learningRate;
    private String energyActive;
    private String energySkipped;
    private String staleRefreshEpochs;
    private String staleExploration;
    private String staleSampling;
    private String staleSkipTop;
    private String minAccuracy;
    private String maxActivationError;
    private String minSavings;
    private String minSpeedup;
    private String maxAccuracyDropVsFull;
    private String baselineFile;
    private String maxAccuracyDrop;
    private String maxSavingsDrop;
    private String maxSpeedupDrop;
    private String historyFile;

    /** The experiment's name as written, or null when it inherits one. */
    public String getName() {
        return name;
    }

    /** The fields this element sets, by core field name; unset fields are absent. */
    Settings settings() {
        return Settings.ofFields(this);
    }
}
