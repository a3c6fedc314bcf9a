package org.adaptivesparse.maven;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * An experiment's data, model, algorithm and measurement parameters: one String field per core
 * option, named as the option and read by name ({@code ExperimentSetups}), so parsing, defaults and
 * error words are the core's. Each is also a {@code -Dast.<name>} user property. A selection mode's
 * own options need no field: {@code PomElements} reads them as written (see {@link #selection}).
 */
public abstract class ExperimentParameters extends AbstractMojo {
    /** The experiment's name, used for its output directory; default {@code experiment}. */
    @Parameter(property = "ast.name")
    protected String name;
    /** Free text shown in the report. */
    @Parameter(property = "ast.description")
    protected String description;
    /**
     * The dataset: {@code fashion-mnist} (default), {@code cifar10}, {@code synthetic}, or {@code folder}
     * (your own images under {@code dataDir}, one subdirectory per class); or a class of the project:
     * {@code com.example.Data} implementing {@code org.adaptivesparse.data.DatasetFactory}, or
     * {@code com.example.Datasets#method} returning a {@code DatasetPair}.
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
    /**
     * Synthetic label noise: each training label is replaced by a wrong one with this probability,
     * {@code 0.3} or {@code 30%}, seeded and the same for every policy; the test set stays clean. Each run
     * then records the share of its trained samples that were mislabelled. Default {@code 0}: none.
     */
    @Parameter(property = "ast.labelNoise")
    protected String labelNoise;
    /**
     * With {@code labelNoise}: {@code symmetric} (default; a wrong class drawn uniformly) or {@code pairs}
     * (class k always becomes class k + 1).
     */
    @Parameter(property = "ast.labelNoiseKind")
    protected String labelNoiseKind;
    /**
     * The network: {@code mlp}, {@code cnn} (default) or {@code resnet}; or a class of the project:
     * {@code com.example.Net} implementing {@code org.adaptivesparse.model.BlockFactory}, or
     * {@code com.example.Nets#method}, a public static method returning a DJL {@code Block}. The project's
     * classes and test class path are loaded for {@code ast:train}.
     */
    @Parameter(property = "ast.model")
    protected String model;
    /**
     * Starting weights loaded into every policy's network, so AST and its controls fine-tune from the
     * same parameters: a DJL {@code .params} file (as {@code Model.save} writes it) or a directory
     * holding one; relative to the project. Unset: trained from scratch.
     */
    @Parameter(property = "ast.initialParameters")
    protected String initialParameters;
    /** Training epochs of every policy; default 3. */
    @Parameter(property = "ast.epochs")
    protected String epochs;
    /** Samples per batch; default 128. */
    @Parameter(property = "ast.batchSize")
    protected String batchSize;
    /** The fraction of samples AST trains, held by the PI controller: {@code 0.10} or {@code 10%} (default). */
    @Parameter(property = "ast.targetActivation")
    protected String targetActivation;
    /**
     * A sweep: the activation targets AST and {@code random} are each trained at, comma-separated, e.g.
     * {@code 0.05,0.1,0.2} or {@code 5%,10%,20%} ({@code full} runs once per seed); replaces
     * {@code targetActivation}. The report draws time to target against accuracy, one point per target.
     */
    @Parameter(property = "ast.targets")
    protected String targets;
    /** The control policies run beside AST, comma-separated: {@code full} (default), {@code random}, or {@code none}. */
    @Parameter(property = "ast.controls")
    protected String controls;
    /**
     * How AST picks samples: {@code fresh} (default, a scoring forward every batch), {@code stale} (stored losses)
     * or another mode of the README's "Selection modes" (an unknown name is answered with the list). A mode's
     * own options (the README's
     * "Parameters and defaults" lists them by mode) are written as elements of the same name, here or in an
     * {@code <experiment>}, or as {@code -Dast.<name>}, e.g. {@code <staleSampling>coverage</staleSampling>};
     * the older ones below also have a parameter of their own.
     */
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
    /** With {@code stale} selection: how the loss-driven share is drawn, {@code proportional} (default), {@code greedy}, {@code coverage} or {@code percentile}. */
    @Parameter(property = "ast.staleSampling")
    protected String staleSampling;
    /** With {@code staleSampling=percentile}: exponent of the stored loss's percentile in a sample's weight, {@code 3} (default, Selective Backprop's beta). */
    @Parameter(property = "ast.percentileBeta")
    protected String percentileBeta;
    /** With {@code stale} selection: fraction of highest stored losses left out of the loss-driven share, {@code 0} (default). */
    @Parameter(property = "ast.staleSkipTop")
    protected String staleSkipTop;
    /** With {@code stale} or {@code importance} selection: the stored score, {@code loss} (default), {@code gradnorm} or {@code article}. */
    @Parameter(property = "ast.score")
    protected String score;
    /** With {@code importance} selection: exponent of the stored score in the sampling probability, {@code 1.0} (default); 0 is uniform. */
    @Parameter(property = "ast.importanceAlpha")
    protected String importanceAlpha;
    /** With {@code importance} selection: uniform share of the sampling probability, {@code 0.3} (default); weights are at most its inverse. */
    @Parameter(property = "ast.importanceFloor")
    protected String importanceFloor;
    /** With {@code stale} or {@code importance} selection: {@code constant} (default) or {@code decay} (the uniform share grows linearly to 1 by the last epoch). */
    @Parameter(property = "ast.pressureSchedule")
    protected String pressureSchedule;
    /** With {@code stale} or {@code importance} selection: first epochs drawn uniformly at random at the same budget; default 0. */
    @Parameter(property = "ast.primeEpochs")
    protected String primeEpochs;
    /** Test evaluations per epoch at evenly spaced batches, the last at the end of the epoch; default 1. */
    @Parameter(property = "ast.evalsPerEpoch")
    protected String evalsPerEpoch;
    /** Test samples of the fixed seeded subset evaluated between epoch ends; {@code 0} (default) for all. */
    @Parameter(property = "ast.evalLimit")
    protected String evalLimit;
    /** The test accuracy whose time to reach is measured for every policy, e.g. {@code 0.88}; none when unset. */
    @Parameter(property = "ast.targetAccuracy")
    protected String targetAccuracy;
}
