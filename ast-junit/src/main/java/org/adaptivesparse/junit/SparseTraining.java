package org.adaptivesparse.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Trains Adaptive Sparse Training beside its controls when the test runs, and fails the test when a
 * threshold or the baseline is broken.
 *
 * <pre>{@code
 * @Test
 * @SparseTraining(dataset = "fashion-mnist", model = "cnn", epochs = 2, limit = 10_000,
 *                 targetActivation = 0.10, minAccuracy = 0.80, maxActivationError = 0.02, minSavings = 0.85)
 * void cnnStaysAccurateWhenSparse(TrainingReport report) {
 *     assertTrue(report.ast().finalAccuracy() > report.control("random").finalAccuracy());
 * }
 * }</pre>
 *
 * <p>Training runs before the method body; the body may take a {@link TrainingReport},
 * {@link org.adaptivesparse.result.ExperimentResult} or
 * {@link org.adaptivesparse.experiment.ExperimentOutcome} parameter. After the body, a broken
 * threshold or baseline rule fails the test with an {@code AssertionFailedError} listing every
 * violation in the words the Maven goal uses. When the body itself failed, its failure is kept and
 * the violations are attached to it as a suppressed exception.
 *
 * <p>On a class, the annotation makes every test method of the class a training test and its values
 * are defaults; a method's own annotation overrides only the attributes it sets. An attribute left
 * at its "not set" default ({@code ""}, {@link #UNSET_INT}, {@link #UNSET_LONG}, {@link #UNSET_DOUBLE},
 * empty array) takes the value from the class, else the core default of {@link org.adaptivesparse.config.ExperimentConfig}.
 *
 * <p>It may also be used as a meta-annotation, to name a shared set of defaults:
 * {@code @SparseTraining(dataset = "synthetic", epochs = 1) @interface QuickTraining {}} on a class or
 * method counts as that class or method's own annotation.
 *
 * <p>Overrides without code changes ({@code -Dast.epochs=1}, {@code junit-platform.properties}), the
 * extension's own switches ({@code ast.reportsDir}, {@code ast.failOnViolation}), parallel execution
 * and what a misconfiguration gives: see the {@linkplain org.adaptivesparse.junit package documentation}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@ExtendWith(SparseTrainingExtension.class)
@ResourceLock(SparseTraining.TRAINING_LOCK)
public @interface SparseTraining {

    /**
     * The {@link ResourceLock} every training test holds. Other tests that train with DJL in the same
     * JVM can declare {@code @ResourceLock(SparseTraining.TRAINING_LOCK)} to stay out of their way.
     */
    String TRAINING_LOCK = "org.adaptivesparse.training";

    /** An {@code int} attribute left at this value is not set: it takes the class's value or the core default. */
    int UNSET_INT = Integer.MIN_VALUE;
    /** A {@code long} attribute left at this value is not set. */
    long UNSET_LONG = Long.MIN_VALUE;
    /**
     * A {@code double} attribute left at this value is not set. ({@code NaN} is a value like any other,
     * and rejected where it does not fit.)
     */
    double UNSET_DOUBLE = Double.NEGATIVE_INFINITY;

    /** Experiment name, shown in reports and used as the report directory; default: the method name. */
    String name() default "";
    /** Free text shown in the report. */
    String description() default "";
    /**
     * Named dataset: {@code fashion-mnist}, {@code cifar10}, {@code synthetic} or {@code folder} (your own
     * images under {@link #dataDir()}, one subdirectory per class); or a class of your project, as the
     * Maven goal's {@code <dataset>} takes it: {@code com.example.Data} implementing
     * {@code org.adaptivesparse.data.DatasetFactory}, or {@code com.example.Datasets#method}. See also
     * {@link #datasetFactory()}.
     */
    String dataset() default "";
    /** Directory holding the dataset's files, tried before the cache; default: the core's search path. */
    String dataDir() default "";
    /** With {@code dataset = "folder"}: the side in pixels of the square every image is resized to (default 32). */
    int imageSize() default UNSET_INT;
    /** With {@code dataset = "folder"}: 1 reads the images as grayscale, 3 (default) as RGB. */
    int channels() default UNSET_INT;
    /**
     * With {@code dataset = "folder"} and no {@code train/}/{@code test/} subdirectories: the share of each
     * class held out for testing, in (0, 1); default 0.2.
     */
    double testFraction() default UNSET_DOUBLE;
    /** Where downloaded datasets are kept and looked for; default {@code ~/.cache/ast/datasets}. */
    String cacheDir() default "";
    /** {@code "false"} forbids downloading a dataset found in neither {@code dataDir} nor the cache. */
    String allowDownload() default "";
    /** Training samples used; 0 for all. */
    int limit() default UNSET_INT;
    /** Test samples used; 0 for all. */
    int testLimit() default UNSET_INT;
    /**
     * Synthetic label noise: the probability that each training label is replaced by a wrong one, in
     * [0, 1); default 0 (none). The test set stays clean.
     */
    double labelNoise() default UNSET_DOUBLE;
    /** With {@link #labelNoise()}: {@code symmetric} (default) or {@code pairs} (class k becomes k + 1). */
    String labelNoiseKind() default "";
    /**
     * Named model: {@code mlp}, {@code cnn} or {@code resnet}; or a class of your project, as the Maven
     * goal's {@code <model>} takes it: {@code com.example.Net} implementing
     * {@code org.adaptivesparse.model.BlockFactory}, or {@code com.example.Nets#method} returning a DJL
     * {@code Block}. See also {@link #modelFactory()}.
     */
    String model() default "";
    /**
     * Starting weights loaded into every policy's network: a DJL {@code .params} file (as
     * {@code Model.save} writes it) or a directory holding one; default: trained from scratch.
     */
    String initialParameters() default "";
    /** Epochs per policy. */
    int epochs() default UNSET_INT;
    /** Samples per batch. */
    int batchSize() default UNSET_INT;
    /** Target fraction of samples trained per batch, in (0, 1]. */
    double targetActivation() default UNSET_DOUBLE;
    /**
     * A sweep: the activation targets AST and {@code random} are each trained at, {@code "0.05,0.1,0.2"}
     * or {@code "5%,10%"} ({@code full} runs once per seed); replaces {@link #targetActivation()}.
     */
    String targets() default "";
    /** Controls beside AST: {@code full}, {@code random}, {@code random-batch}, {@code random-epoch}; {@code "none"}. */
    String[] controls() default {};
    /**
     * AST selection mode: {@code fresh}, {@code stale} or another of the README's "Selection modes"; its own
     * options go in {@link #selectionOptions()} where they have no attribute.
     */
    String selection() default "";
    /** Gate: {@code hard} or {@code probabilistic}. */
    String gate() default "";
    /** Weight of the loss in the significance score, in [0, 1]; with {@link #stdWeight()} it sums to 1. */
    double lossWeight() default UNSET_DOUBLE;
    /** Weight of the pixel-intensity spread in the significance score, in [0, 1]. */
    double stdWeight() default UNSET_DOUBLE;
    /** Proportional gain of the PI controller. */
    double kp() default UNSET_DOUBLE;
    /** Integral gain of the PI controller. */
    double ki() default UNSET_DOUBLE;
    /** Weight of the newest batch's rate in the rate the controller sees, in (0, 1]. */
    double emaAlpha() default UNSET_DOUBLE;
    /** The gate's starting threshold, 0.01 to 0.99. */
    double initialThreshold() default UNSET_DOUBLE;
    /** Epochs of full training before AST starts selecting. */
    int warmupEpochs() default UNSET_INT;
    /** Random seed; all policies start from the same weights. */
    long seed() default UNSET_LONG;
    /** Seeds every policy runs on: {@code "3"} (a count from {@link #seed()} on) or {@code "42,43,47"}. */
    String seeds() default "";
    /** libtorch intra-op threads; 0 for half the processors, at least 1. */
    int threads() default UNSET_INT;
    /** The learning rate over the run: {@code constant} or {@code cosine}. */
    String lrSchedule() default "";
    /** Epochs over which the learning rate rises linearly from 0 first. */
    int lrWarmupEpochs() default UNSET_INT;
    /** How the random control draws: {@code batch} or {@code epoch} (without replacement across epochs). */
    String randomSampling() default "";
    /** Adam learning rate. */
    double learningRate() default UNSET_DOUBLE;
    /** Modeled energy of a trained sample, for the modeled savings. */
    double energyActive() default UNSET_DOUBLE;
    /** Modeled energy of a skipped sample. */
    double energySkipped() default UNSET_DOUBLE;
    /** With {@code stale} selection: epochs between sweeps that refresh every stored loss, 0 for never. */
    int staleRefreshEpochs() default UNSET_INT;
    /** With {@code stale} selection: the share of the budget drawn uniformly at random. */
    double staleExploration() default UNSET_DOUBLE;
    /** With {@code stale} selection: {@code proportional}, {@code greedy}, {@code coverage} or {@code percentile}. */
    String staleSampling() default "";
    /** With {@code stale} selection: the fraction of highest stored losses left out of the loss-driven share. */
    double staleSkipTop() default UNSET_DOUBLE;
    /**
     * A selection mode's own options as {@code name=value} pairs, e.g. {@code {"staleSampling=coverage",
     * "staleExploration=20%"}}: every option a mode declares, including those a later mode adds, which get
     * no attribute of their own (the README's "Parameters and defaults" lists them by mode). A class's and a
     * method's pairs merge name by name, as attributes do.
     */
    String[] selectionOptions() default {};
    // importance selection, scores and selection pressure: see the package documentation, "Selection modes"
    String score() default "";
    double percentileBeta() default UNSET_DOUBLE;
    double importanceAlpha() default UNSET_DOUBLE;
    double importanceFloor() default UNSET_DOUBLE;
    String pressureSchedule() default "";
    int primeEpochs() default UNSET_INT;
    /** Test evaluations per epoch at evenly spaced batches, the last at the end of the epoch. */
    int evalsPerEpoch() default UNSET_INT;
    /** Test samples of the fixed seeded subset evaluated between epoch ends; 0 for the whole test set. */
    int evalLimit() default UNSET_INT;
    /** The test accuracy whose time to reach is measured for every policy. */
    double targetAccuracy() default UNSET_DOUBLE;
    /** Fails the test when AST's final test accuracy is below this ratio. */
    double minAccuracy() default UNSET_DOUBLE;
    /** Fails the test when AST's activation rate is further than this from the target. */
    double maxActivationError() default UNSET_DOUBLE;
    /** Fails the test when AST's modeled energy savings are below this ratio. */
    double minSavings() default UNSET_DOUBLE;
    /** Fails the test when AST's training loop is less than this many times faster than {@code full}. */
    double minSpeedup() default UNSET_DOUBLE;
    /** Fails the test when AST's accuracy is more than this below the {@code full} control's. */
    double maxAccuracyDropVsFull() default UNSET_DOUBLE;
    /** Fails the test when AST's time to {@link #targetAccuracy()} is more than this times random's. */
    double maxTimeToTargetVsRandom() default UNSET_DOUBLE;
    /** Fails the test when AST's time to {@link #targetAccuracy()} is more than this times full's. */
    double maxTimeToTargetVsFull() default UNSET_DOUBLE;
    /** Fails the test when AST's selection lift in its last epoch is below this (random selection gets about 1). */
    double minSelectionLift() default UNSET_DOUBLE;
    /**
     * Limits on any figure, separated by {@code ;}, e.g. {@code "accuracy.min >= 0.70; timeToTargetVsRandom <= 0.9"}
     * (see docs/gate.md, "Limits").
     */
    String limits() default "";
    /** Baseline file ({@code baselineFile} in the Maven goal), relative to the working directory. */
    String baseline() default "";
    /** Largest accuracy drop against the baseline. */
    double maxAccuracyDrop() default UNSET_DOUBLE;
    /** Largest savings drop against the baseline. */
    double maxSavingsDrop() default UNSET_DOUBLE;
    /** Largest relative speedup drop against the baseline. */
    double maxSpeedupDrop() default UNSET_DOUBLE;
    /** Largest relative drop of the selection lift below the baseline seeds' mean. */
    double maxSelectionLiftDrop() default UNSET_DOUBLE;
    /** Largest change of a seed's accuracy, either way, in the baseline's own environment. */
    double sameEnvironmentTolerance() default UNSET_DOUBLE;
    /** A JSON-lines file each result's headline figures are appended to, for trends across runs. */
    String historyFile() default "";
    /** Fail when a gated figure's detectable drop is larger than its tolerance: {@code "true"} or {@code "false"}. */
    String refuseBlindGate() default "";
    /** With a history file: the earlier runs in this environment needed before a run is judged against them. */
    int historyMinRuns() default UNSET_INT;
    /** With a history file: how many of the latest earlier runs in this environment a run is judged against. */
    int historyWindow() default UNSET_INT;

    /**
     * A method returning a DJL {@code ai.djl.nn.Block} (called once per policy, so it must build a
     * new block each time) or an {@code ExperimentConfig.Builder} (the starting point the annotation
     * then refines). Static or instance, no parameters, in the test class, or
     * {@code "com.example.Models#tiny"} for a static method elsewhere.
     */
    String modelFactory() default "";

    /**
     * A method returning a {@code DataSplit}, replacing {@link #dataset()}. Static or instance, no
     * parameters, in the test class, or {@code "com.example.Data#small"} for a static method elsewhere.
     */
    String datasetFactory() default "";
}
