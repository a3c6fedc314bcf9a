package org.adaptivesparse.maven;

import java.io.File;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.configuration.PlexusConfiguration;

/**
 * The parameters every AST goal takes. One String field per core option, named as the option (see
 * {@code org.adaptivesparse.config.Options}), read by name and handed to the core as text, so parsing,
 * defaults and error words are the core's; {@code ParameterCoverageTest} fails when an option lacks
 * its field here. Each is also a {@code -Dast.<name>} user property, which overrides the POM.
 */
public abstract class AstParameters extends AbstractMojo {
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;
    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    protected MojoExecution mojoExecution;

    /**
     * Several experiments, each an {@code <experiment>} holding any of this goal's option elements
     * ({@code <name>}, {@code <model>}, {@code <epochs>}, ...), every one optional. An option left out
     * takes the flat parameter's value. When absent, the goal runs one experiment from the flat
     * parameters.
     */
    @Parameter
    protected PlexusConfiguration experiments;

    /** Where outputs go: {@code <outputDirectory>/<name>/} per experiment, and {@code index.html}. */
    @Parameter(property = "ast.outputDirectory", defaultValue = "${project.build.directory}/ast")
    protected File outputDirectory;

    /**
     * Fail the build when a threshold or baseline check fails. With {@code false}, each violation is
     * still logged as a WARNING and written to the reports, and the build goes on.
     */
    @Parameter(property = "ast.failOnViolation", defaultValue = "true")
    protected boolean failOnViolation;

    /** Skip the goal. */
    @Parameter(property = "ast.skip", defaultValue = "false")
    protected boolean skip;

    /**
     * Run only the named experiments, comma-separated ({@code -Dast.experiments=cnn,mlp}), so a CI
     * matrix can put one experiment on each runner; {@code ast:report} merges their outputs. An
     * unknown name is an error listing the names there are. Default: every experiment.
     */
    @Parameter(property = "ast.experiments")
    protected String selectedExperiments;

    /** The experiment's name, used for its output directory; default {@code experiment}. */
    @Parameter(property = "ast.name")
    protected String name;
    /** Free text shown in the report. */
    @Parameter(property = "ast.description")
    protected String description;
    /**
     * The dataset: {@code fashion-mnist} (default), {@code cifar10}, {@code synthetic}, or {@code folder}
     * (your own images under {@code dataDir}, one subdirectory per class).
     */
    @Parameter(property = "ast.dataset")
    protected String dataset;
    /**
     * A directory holding the dataset's files, read before the cache; relative to the project. With
     * {@code dataset=folder}, the directory of class folders (or of {@code train/} and {@code test/}).
     */
    @Parameter(property = "ast.dataDir")
    protected String dataDir;
    /** With {@code dataset=folder}: the side in pixels of the square every image is resized to; default 32. */
    @Parameter(property = "ast.imageSize")
    protected String imageSize;
    /** With {@code dataset=folder}: {@code 1} reads the images as grayscale, {@code 3} (default) as RGB. */
    @Parameter(property = "ast.channels")
    protected String channels;
    /**
     * With {@code dataset=folder} and no {@code train/}/{@code test/} subdirectories: the share of each class
     * held out for testing, {@code 0.2} (default) or {@code 20%}; the split is seeded by {@code seed}.
     */
    @Parameter(property = "ast.testFraction")
    protected String testFraction;
    /** Where downloaded datasets are kept; default {@code ~/.cache/ast/datasets}. */
    @Parameter(property = "ast.cacheDir")
    protected String cacheDir;
    /** Whether a dataset missing from {@code dataDir} and the cache may be downloaded; default {@code true}. */
    @Parameter(property = "ast.allowDownload")
    protected String allowDownload;
    /** Training samples used, {@code 0} (default) for all. Small values keep CI runs short. */
    @Parameter(property = "ast.limit")
    protected String limit;
    /** Test samples used, {@code 0} (default) for all. */
    @Parameter(property = "ast.testLimit")
    protected String testLimit;
    /** The network: {@code mlp}, {@code cnn} (default) or {@code resnet}. */
    @Parameter(property = "ast.model")
    protected String model;
    /** Training epochs of every policy; default 3. */
    @Parameter(property = "ast.epochs")
    protected String epochs;
    /** Samples per batch; default 128. */
    @Parameter(property = "ast.batchSize")
    protected String batchSize;
    /** The fraction of samples AST trains, held by the PI controller: {@code 0.10} or {@code 10%} (default). */
    @Parameter(property = "ast.targetActivation")
    protected String targetActivation;
    /** The control policies run beside AST, comma-separated: {@code full} (default), {@code random}, or {@code none}. */
    @Parameter(property = "ast.controls")
    protected String controls;
    /** How AST scores samples: {@code fresh} (default, every batch) or {@code stale} (losses stored from training passes). */
    @Parameter(property = "ast.selection")
    protected String selection;
    /** How the gate selects: {@code hard} (default, above the threshold) or {@code probabilistic}. */
    @Parameter(property = "ast.gate")
    protected String gate;
    /** Weight of the loss in a sample's significance, {@code 0.7} by default; with {@code stdWeight} it sums to 1. */
    @Parameter(property = "ast.lossWeight")
    protected String lossWeight;
    /** Weight of the pixel-intensity spread in a sample's significance, {@code 0.3} by default. */
    @Parameter(property = "ast.stdWeight")
    protected String stdWeight;
    /** The PI controller's proportional gain; default 0.15. */
    @Parameter(property = "ast.kp")
    protected String kp;
    /** The PI controller's integral gain; default 0.005. */
    @Parameter(property = "ast.ki")
    protected String ki;
    /** Smoothing of the measured activation rate the controller sees, greater than 0 and at most 1; default 0.3. */
    @Parameter(property = "ast.emaAlpha")
    protected String emaAlpha;
    /** The gate's starting threshold, 0.01 to 0.99; default 0.5. */
    @Parameter(property = "ast.initialThreshold")
    protected String initialThreshold;
    /** Epochs of full training before AST starts selecting; default 0. */
    @Parameter(property = "ast.warmupEpochs")
    protected String warmupEpochs;
    /** Random seed shared by every policy (data order, initial weights); default 42. */
    @Parameter(property = "ast.seed")
    protected String seed;
    /** Seeds every policy runs on: a count {@code n} (seed to seed+n-1) or a list {@code 42,43,47}; default 1. */
    @Parameter(property = "ast.seeds")
    protected String seeds;
    /** libtorch intra-op threads; {@code 0} (default) for half the processors, at least 1. See the README's "threads". */
    @Parameter(property = "ast.threads")
    protected String threads;
    /** The learning rate over the run, the same for every policy: {@code constant} (default) or {@code cosine}. */
    @Parameter(property = "ast.lrSchedule")
    protected String lrSchedule;
    /** Epochs over which the learning rate rises linearly from 0 first; default 0. */
    @Parameter(property = "ast.lrWarmupEpochs")
    protected String lrWarmupEpochs;
    /** How the random control draws: {@code batch} (default, each batch) or {@code epoch} (without replacement across epochs). */
    @Parameter(property = "ast.randomSampling")
    protected String randomSampling;
    /** The optimizer's learning rate; default 0.001. */
    @Parameter(property = "ast.learningRate")
    protected String learningRate;
    /** Modeled energy of a trained sample (forward and backward), for the savings figure; default 10. */
    @Parameter(property = "ast.energyActive")
    protected String energyActive;
    /** Modeled energy of a skipped sample (scoring only); default 0.1. */
    @Parameter(property = "ast.energySkipped")
    protected String energySkipped;
    /** With {@code stale} selection: epochs between sweeps that refresh every stored loss; default 0 (never). */
    @Parameter(property = "ast.staleRefreshEpochs")
    protected String staleRefreshEpochs;
    /** With {@code stale} selection: fraction of picks made at random, {@code 0.3} or {@code 30%} (default). */
    @Parameter(property = "ast.staleExploration")
    protected String staleExploration;
    /** With {@code stale} selection: how the loss-driven share is drawn, {@code proportional} (default) or {@code greedy}. */
    @Parameter(property = "ast.staleSampling")
    protected String staleSampling;
    /** With {@code stale} selection: fraction of highest stored losses left out of the loss-driven share, {@code 0} (default). */
    @Parameter(property = "ast.staleSkipTop")
    protected String staleSkipTop;
    /** Test evaluations per epoch at evenly spaced batches, the last at the end of the epoch; default 1. */
    @Parameter(property = "ast.evalsPerEpoch")
    protected String evalsPerEpoch;
    /** Test samples of the fixed seeded subset evaluated between epoch ends; {@code 0} (default) for all. */
    @Parameter(property = "ast.evalLimit")
    protected String evalLimit;
    /** The test accuracy whose time to reach is measured for every policy, e.g. {@code 0.88}; none when unset. */
    @Parameter(property = "ast.targetAccuracy")
    protected String targetAccuracy;
    /** Fail when AST's final test accuracy is below this ratio, e.g. {@code 0.80} or {@code 80%}. Not checked when unset. */
    @Parameter(property = "ast.minAccuracy")
    protected String minAccuracy;
    /** Fail when the measured activation rate is further than this from {@code targetActivation}, e.g. {@code 0.05}. */
    @Parameter(property = "ast.maxActivationError")
    protected String maxActivationError;
    /** Fail when the modeled energy savings are below this ratio, e.g. {@code 0.80} or {@code 80%}. */
    @Parameter(property = "ast.minSavings")
    protected String minSavings;
    /** Fail when AST's training loop is less than this many times faster than full's, e.g. {@code 1.5} or {@code 1.5x}. */
    @Parameter(property = "ast.minSpeedup")
    protected String minSpeedup;
    /** Fail when AST's accuracy is more than this below full's at equal epochs, e.g. {@code 0.03} or {@code 3%}. */
    @Parameter(property = "ast.maxAccuracyDropVsFull")
    protected String maxAccuracyDropVsFull;
    /** Fail when AST's time to {@code targetAccuracy} is more than this times random's, e.g. {@code 1.0}. */
    @Parameter(property = "ast.maxTimeToTargetVsRandom")
    protected String maxTimeToTargetVsRandom;
    /** Fail when AST's time to {@code targetAccuracy} is more than this times full's, e.g. {@code 0.7}. */
    @Parameter(property = "ast.maxTimeToTargetVsFull")
    protected String maxTimeToTargetVsFull;
    /** Fail when AST's selection lift in its last epoch is below this, e.g. {@code 1.2} (random selection gets about 1). */
    @Parameter(property = "ast.minSelectionLift")
    protected String minSelectionLift;
    /**
     * The committed baseline (one entry per experiment name) that {@code train} and {@code check}
     * compare results with; relative to the project. Unset: no baseline check. Once set, a missing
     * file or entry is a violation, so create it first with {@code mvn ast:baseline}, which writes
     * here or, when unset, to {@code ast-baseline.json} in the project.
     */
    @Parameter(property = "ast.baselineFile")
    protected String baselineFile;
    /** Fail when accuracy falls more than this below the baseline's; default {@code 0.02}. */
    @Parameter(property = "ast.maxAccuracyDrop")
    protected String maxAccuracyDrop;
    /** Fail when modeled savings fall more than this below the baseline's; default {@code 0.02}. */
    @Parameter(property = "ast.maxSavingsDrop")
    protected String maxSavingsDrop;
    /** Fail when the speedup falls below {@code (1 - this)} times the baseline's; default {@code 0.25}. */
    @Parameter(property = "ast.maxSpeedupDrop")
    protected String maxSpeedupDrop;
    /** A file each result's headline figures are appended to, for trends across builds; none when unset. */
    @Parameter(property = "ast.historyFile")
    protected String historyFile;
}
