package org.adaptivesparse.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;
import org.adaptivesparse.data.DatasetCatalog;
import org.adaptivesparse.data.LabelNoise;
import org.adaptivesparse.data.FolderSettings;
import org.adaptivesparse.model.Models;

/**
 * Every configuration option, declared once: name, type, default, description and rules. The Maven
 * goal, the JUnit extension, {@code -Dast.*} properties and the Java builder all read these
 * declarations; a test in each front end fails when an option lacks its parameter or attribute, and
 * one in the core when the README's table lacks it.
 *
 * <p>Adding an option: declare it here (in the place its rules need it checked: options are checked
 * in declaration order), add a getter to {@link ExperimentConfig} if the engine reads it, a
 * {@code @Parameter} field to the Maven goal, an attribute to {@code @SparseTraining}, and a README row.
 * An option of one selection mode is declared by that mode instead (see {@link SelectionMode}); the
 * front ends read it by name, without a field or attribute of its own.
 */
public final class Options {
    private static final List<Option<?>> ALL = new ArrayList<>();

    public static final Option<String> NAME = text("name", "experiment",
            "The experiment's name, used for its output directory")
            .check((v, o) -> {
                if (v == null || v.isBlank()) {
                    throw new ConfigException("name", "name is empty; give the experiment a name such as 'cnn'");
                }
                return v;
            }).add();
    public static final Option<String> DESCRIPTION = text("description", "", "Free text shown in the report")
            .check((v, o) -> v == null ? "" : v).add();
    public static final Option<String> DATASET = text("dataset", DatasetCatalog.FASHION_MNIST,
            "The dataset: " + String.join(", ", DatasetCatalog.names()) + ", or a class of your project that"
                    + " implements DatasetFactory (com.example.Data, or com.example.Datasets#method)")
            .check((v, o) -> o.customData() ? v : ProjectReferences.checkDataset(v, o)).comparable().add();
    public static final Option<Path> DATA_DIR = path("dataDir", null,
            "A directory holding the dataset's files, tried before the cache; an error if it is missing; with"
                    + " dataset folder, the directory of class folders").check((v, o) -> {
                        if (v == null && folder(o)) {
                            throw new ConfigException("dataDir", "dataset folder reads images from dataDir, but dataDir"
                                    + " is not set; set it to a directory with one subdirectory of images per class"
                                    + " (see the README's \"Data sets\")");
                        }
                        return v;
                    }).add();
    public static final Option<Integer> IMAGE_SIZE = integer("imageSize", FolderSettings.DEFAULT_IMAGE_SIZE,
            "With dataset folder: the side in pixels of the square every image is resized to")
            .check((v, o) -> {
                if (v < FolderSettings.MIN_IMAGE_SIZE || v > FolderSettings.MAX_IMAGE_SIZE) {
                    throw new ConfigException("imageSize", "imageSize " + v + " is out of range; allowed: "
                            + FolderSettings.MIN_IMAGE_SIZE + " to " + FolderSettings.MAX_IMAGE_SIZE
                            + " (the side of a square, in pixels)");
                }
                return v;
            }).comparable(Options::folder).add();
    public static final Option<Integer> CHANNELS = integer("channels", FolderSettings.DEFAULT_CHANNELS,
            "With dataset folder: 1 reads the images as grayscale, 3 as RGB").check((v, o) -> {
                if (v != 1 && v != 3) {
                    throw new ConfigException("channels", "channels " + v + " is out of range; allowed: 1 (grayscale)"
                            + " or 3 (RGB)");
                }
                return v;
            }).comparable(Options::folder).add();
    public static final Option<Double> TEST_FRACTION = ratio("testFraction", FolderSettings.DEFAULT_TEST_FRACTION,
            "With dataset folder and no train/test subdirectories: the share of each class held out for testing")
            .check((v, o) -> {
                if (!(v > 0 && v < 1)) {
                    throw new ConfigException("testFraction", "testFraction " + fmt(v) + " is out of range; allowed:"
                            + " greater than 0 and less than 1 (e.g. 0.2 or 20%)");
                }
                return v;
            }).comparable(Options::folder).add();
    public static final Option<Path> CACHE_DIR = path("cacheDir",
            Path.of(System.getProperty("user.home"), ".cache", "ast", "datasets"),
            "Where downloaded datasets are kept and looked for").add();
    public static final Option<Boolean> ALLOW_DOWNLOAD = bool("allowDownload", true,
            "Whether a dataset found in neither dataDir nor the cache may be downloaded (SHA-256 verified)").add();
    public static final Option<Integer> LIMIT = integer("limit", 0,
            "Training samples used, 0 for all; small values keep CI runs short").check(atLeast("limit", 0, "0 means all samples"))
            .comparable().add();
    public static final Option<Integer> TEST_LIMIT = integer("testLimit", 0, "Test samples used, 0 for all")
            .check(atLeast("testLimit", 0, "0 means all samples")).comparable().add();
    public static final Option<Double> LABEL_NOISE = ratio("labelNoise", 0,
            "Synthetic label noise: each training label is replaced by a wrong one with this probability (0.3 or"
                    + " 30%), seeded, the same for every policy; the test set stays clean. 0: none").check((v, o) -> {
                        if (!(v >= 0 && v < 1)) {
                            throw new ConfigException("labelNoise", "labelNoise " + fmt(v) + " is out of range;"
                                    + " allowed: 0 (none) up to, but not including, 1 (e.g. 0.3 or 30%)");
                        }
                        return v;
                    }).comparable(o -> o.get(Options.LABEL_NOISE) > 0).add();
    public static final Option<LabelNoise.Kind> LABEL_NOISE_KIND = new Spec<>("labelNoiseKind", LabelNoise.Kind.class,
            LabelNoise.Kind.SYMMETRIC, "With labelNoise: symmetric (a wrong class drawn uniformly) or pairs (class k"
                    + " always becomes class k + 1, as neighbouring classes are confused)",
            v -> Choices.parse("labelNoiseKind", v, LabelNoise.Kind.values(), LabelNoise.Kind::id, "a label noise kind"))
            .reported(LabelNoise.Kind::id).comparable(o -> o.get(Options.LABEL_NOISE) > 0).add();
    public static final Option<String> MODEL = text("model", "cnn",
            "The network: " + String.join(", ", Models.names()) + ", or a class of your project that implements"
                    + " BlockFactory (com.example.Net, or com.example.Nets#method returning a DJL Block)")
            .check((v, o) -> o.customModel() ? v : ProjectReferences.checkModel(v, o))
            .comparable().add();
    public static final Option<Path> INITIAL_PARAMETERS = path("initialParameters", null,
            "Starting weights loaded into every policy's network (AST and its controls alike): a DJL .params file,"
                    + " or a directory holding one; unset: trained from scratch").check((v, o) -> {
                        if (v != null && !java.nio.file.Files.exists(v)) {
                            throw new ConfigException("initialParameters", "initialParameters " + v
                                    + " does not exist; name a DJL .params file (saved by Model.save) or a directory"
                                    + " holding one");
                        }
                        return v;
                    }).reported(p -> p.getFileName() == null ? p.toString() : p.getFileName().toString())
            .comparable(o -> o.get(Options.INITIAL_PARAMETERS) != null).add();
    public static final Option<Integer> EPOCHS = integer("epochs", 3, "Training epochs of every policy")
            .check(atLeast("epochs", 1, null)).comparable().add();
    public static final Option<Integer> BATCH_SIZE = integer("batchSize", 128, "Samples per batch")
            .check(atLeast("batchSize", 2, null)).comparable().add();
    public static final Option<Double> TARGET_ACTIVATION = ratio("targetActivation", 0.10,
            "The fraction of samples AST trains, greater than 0 and at most 1: 0.10 or 10%")
            .check((v, o) -> {
                if (!(v > 0 && v <= 1)) {
                    throw new ConfigException("targetActivation", "targetActivation " + fmt(v)
                            + " is out of range; allowed: greater than 0 and at most 1 (e.g. 0.10 for 10%)");
                }
                return v;
            }).comparable(o -> o.get(Options.TARGETS) == null).add();
    // With targets, every point is trained at its own target: targetActivation is then not used, and not compared.
    public static final Option<ActivationTargets> TARGETS = new Spec<>("targets", ActivationTargets.class, null,
            "A sweep: the activation targets AST and random are each trained at, e.g. 0.05,0.1,0.2 (full runs once);"
                    + " replaces targetActivation", ActivationTargets::parse)
            .check((v, o) -> ActivationTargets.check(v)).reported(ActivationTargets::toString)
            .comparable(o -> o.get(Options.TARGETS) != null).add();
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static final Option<List<Policy>> CONTROLS = new Spec<List<Policy>>("controls", (Class) List.class,
            List.of(Policy.FULL), "The control policies run beside AST, comma-separated: full, random, random-batch,"
                    + " random-epoch, random-all, or none (random-batch and random-epoch run both samplings side by side;"
                    + " random-all, with a reference-model selection, trains on the held-out samples too)",
            Options::policies).check(Options::checkControls).reported(l -> l.stream().map(Policy::id).toList()).add();
    public static final Option<RandomSampling> RANDOM_SAMPLING = choice("randomSampling", RandomSampling.class,
            RandomSampling.BATCH, "How the random control draws: batch (round(target * B) of each batch) or epoch"
                    + " (without replacement across epochs: every sample once per 1/target epochs)")
            .check((v, o) -> {
                Policy same = v == RandomSampling.EPOCH ? Policy.RANDOM_EPOCH : Policy.RANDOM_BATCH;
                if (o.get(CONTROLS).contains(Policy.RANDOM) && o.get(CONTROLS).contains(same)) {
                    throw new ConfigException("controls", "controls lists random and " + same.id() + ", which with"
                            + " randomSampling " + v.id() + " are the same run twice; drop one of them");
                }
                return v;
            })
            .comparable(o -> o.get(Options.RANDOM_SAMPLING) != RandomSampling.BATCH).add();
    // The modes and their own options are listed in selection.SelectionModes, one line per mode; their options
    // follow the core's in all() (see SelectionMode).
    public static final Option<SelectionMode> SELECTION = new Spec<>("selection", SelectionMode.class,
            SelectionMode.all().get(0), "How AST picks samples: " + SelectionMode.describeAll(),
            v -> SelectionMode.parse("selection", v)).check((v, o) -> {
                if (o.get(CONTROLS).contains(Policy.RANDOM_ALL) && !v.usesReferenceModel()) {
                    throw new ConfigException("controls", "controls lists random-all, the random control trained on"
                            + " the reference model's holdout too, but selection " + v.id() + " trains no reference"
                            + " model and holds nothing out; use selection " + SelectionMode.all().stream()
                                    .filter(SelectionMode::usesReferenceModel).map(SelectionMode::id)
                                    .collect(java.util.stream.Collectors.joining(" or "))
                            + ", or list random instead");
                }
                return v;
            }).reported(SelectionMode::id).comparable().add();
    public static final Option<GateMode> GATE = new Spec<>("gate", GateMode.class, GateMode.HARD,
            "How the gate selects: hard (above the threshold) or probabilistic",
            v -> GateMode.parse("gate", v)).reported(GateMode::id).comparable().add();
    public static final Option<Double> LOSS_WEIGHT = ratio("lossWeight", 0.7,
            "Weight of the loss in a sample's significance; with stdWeight it sums to 1").check(unit("lossWeight"))
            .comparable().add();
    public static final Option<Double> STD_WEIGHT = ratio("stdWeight", 0.3,
            "Weight of the pixel spread in a sample's significance").check((v, o) -> {
                unit("stdWeight").apply(v, o);
                double loss = o.get(Options.LOSS_WEIGHT);
                if (Math.abs(loss + v - 1.0) > 1e-6) {
                    throw new ConfigException("lossWeight", "lossWeight " + fmt(loss) + " and stdWeight " + fmt(v)
                            + " sum to " + fmt(loss + v) + "; they must sum to 1");
                }
                return v;
            }).comparable().add();
    public static final Option<Double> KP = number("kp", 0.15,
            "The PI controller's proportional gain (see the README's \"Controller defaults\")")
            .check(nonNegative("kp")).comparable().add();
    public static final Option<Double> KI = number("ki", 0.005, "The PI controller's integral gain")
            .check(nonNegative("ki")).comparable().add();
    public static final Option<Double> EMA_ALPHA = ratio("emaAlpha", 0.3,
            "Weight of the newest batch's rate in the rate the controller sees, greater than 0 and at most 1")
            .check((v, o) -> {
                if (!(v > 0 && v <= 1)) {
                    throw new ConfigException("emaAlpha", "emaAlpha " + fmt(v)
                            + " is out of range; allowed: greater than 0 and at most 1");
                }
                return v;
            }).comparable().add();
    public static final Option<Double> INITIAL_THRESHOLD = ratio("initialThreshold", 0.5,
            "The gate's starting threshold, 0.01 to 0.99").check((v, o) -> {
                if (!(v >= 0.01 && v <= 0.99)) {
                    throw new ConfigException("initialThreshold", "initialThreshold " + fmt(v)
                            + " is out of range; allowed: 0.01 to 0.99");
                }
                return v;
            }).add();
    public static final Option<Integer> WARMUP_EPOCHS = integer("warmupEpochs", 0,
            "Epochs of full training before AST starts selecting").check((v, o) -> {
                int epochs = o.get(Options.EPOCHS);
                if (v < 0 || v >= epochs) {
                    throw new ConfigException("warmupEpochs", "warmupEpochs " + v
                            + " is out of range; allowed: 0 to epochs - 1 (" + (epochs - 1) + ")");
                }
                return v;
            }).comparable().add();
    public static final Option<Long> SEED = new Spec<>("seed", Long.class, 42L,
            "Random seed shared by every policy: data order, selection randomness, initial weights",
            v -> wholeNumber("seed", v, Long::parseLong)).comparable().add();
    public static final Option<Seeds> SEEDS = new Spec<>("seeds", Seeds.class, Seeds.ONE,
            "Seeds every policy runs on: a count n (seed to seed+n-1) or a list such as 42,43,47; figures are medians",
            Seeds::parse).check((v, o) -> Seeds.check(v)).reported(Seeds::toString).add();
    public static final Option<Integer> THREADS = integer("threads", 0,
            "libtorch intra-op threads; 0 for half the processors, at least 1 (two runs on one machine stay fast)")
            .check(atLeast("threads", 0, "0 means half the processors, at least 1")).add();
    public static final Option<Double> LEARNING_RATE = number("learningRate", 1e-3, "The Adam optimizer's learning rate")
            .check((v, o) -> {
                if (!(v > 0) || !Double.isFinite(v)) {
                    throw new ConfigException("learningRate", "learningRate " + fmt(v)
                            + " is out of range; allowed: greater than 0");
                }
                return v;
            }).comparable().add();
    public static final Option<LrSchedule> LR_SCHEDULE = choice("lrSchedule", LrSchedule.class, LrSchedule.CONSTANT,
            "The learning rate over the run, the same for every policy: constant, or cosine (decay to 0 by the last step)")
            .comparable(o -> o.get(Options.LR_SCHEDULE) != LrSchedule.CONSTANT).add();
    public static final Option<Integer> LR_WARMUP_EPOCHS = integer("lrWarmupEpochs", 0,
            "Epochs over which the learning rate rises linearly from 0 before the schedule starts").check((v, o) -> {
                int epochs = o.get(Options.EPOCHS);
                if (v < 0 || v >= epochs) {
                    throw new ConfigException("lrWarmupEpochs", "lrWarmupEpochs " + v
                            + " is out of range; allowed: 0 to epochs - 1 (" + (epochs - 1) + ")");
                }
                return v;
            }).comparable(o -> o.get(Options.LR_WARMUP_EPOCHS) != 0).add();
    public static final Option<Double> ENERGY_ACTIVE = number("energyActive", 10.0,
            "Modeled energy of a trained sample (forward and backward), for the modeled savings").check((v, o) -> {
                nonNegative("energyActive").apply(v, o);
                if (!(v > 0)) {
                    throw new ConfigException("energyActive", "energyActive " + fmt(v)
                            + " is out of range; allowed: greater than 0");
                }
                return v;
            }).comparable().add();
    public static final Option<Double> ENERGY_SKIPPED = number("energySkipped", 0.1,
            "Modeled energy of a skipped sample (scoring only)").check(nonNegative("energySkipped")).comparable().add();
    public static final Option<Integer> EVALS_PER_EPOCH = integer("evalsPerEpoch", 1,
            "Test evaluations per epoch at evenly spaced batches; the last is the end of the epoch on the whole test set")
            .check(atLeast("evalsPerEpoch", 1, null)).add();
    public static final Option<Integer> EVAL_LIMIT = integer("evalLimit", 0,
            "Test samples of the fixed, seeded subset evaluated between epoch ends, 0 for the whole test set")
            .check(atLeast("evalLimit", 0, "0 means the whole test set")).add();
    public static final Option<Double> TARGET_ACCURACY = optionalRatio("targetAccuracy",
            "The test accuracy whose time to reach is measured for every policy, e.g. 0.88; none when unset").add();
    public static final Option<Double> MIN_ACCURACY = optionalRatio("minAccuracy",
            "Fail when AST's final test accuracy is below this, e.g. 0.80 or 80%; not checked when unset").add();
    public static final Option<Double> MAX_ACTIVATION_ERROR = optionalRatio("maxActivationError",
            "Fail when an epoch's activation is further than this from targetActivation (from the second AST epoch)")
            .add();
    public static final Option<Double> MIN_SAVINGS = optionalRatio("minSavings",
            "Fail when the modeled energy savings are below this, e.g. 0.80 or 80%").add();
    public static final Option<Double> MAX_ACCURACY_DROP_VS_FULL = optionalRatio("maxAccuracyDropVsFull",
            "Fail when AST's accuracy is more than this below full's at equal epochs (needs the full control)")
            .check((v, o) -> needsFull("maxAccuracyDropVsFull", v, o,
                    "maxAccuracyDropVsFull needs the full control, but controls " + o.get(CONTROLS)
                            + " does not include full; add full to controls or remove it"))
            .add();
    public static final Option<Double> MIN_SPEEDUP = new Spec<>("minSpeedup", Double.class, null,
            "Fail when AST's training loop is less than this many times faster than full's, e.g. 1.5 or 1.5x",
            v -> speedup("minSpeedup", v)).check((v, o) -> {
                if (v != null && !(v > 0)) {
                    throw new ConfigException("minSpeedup", "minSpeedup " + fmt(v) + " is out of range; allowed:"
                            + " greater than 0 (1.5 means AST's training loop is 1.5x faster than full)");
                }
                return needsFull("minSpeedup", v, o, "minSpeedup is measured against the full control, but controls "
                        + o.get(CONTROLS) + " does not include full; add full to controls or remove minSpeedup");
            }).add();
    public static final Option<Double> MAX_TIME_TO_TARGET_VS_RANDOM = new Spec<>("maxTimeToTargetVsRandom", Double.class,
            null, "Fail when AST's time to targetAccuracy is more than this times random's, e.g. 1.0 (needs random)",
            v -> speedup("maxTimeToTargetVsRandom", v)).check((v, o) -> timeToTarget("maxTimeToTargetVsRandom", v, o,
                    Policy.RANDOM)).add();
    public static final Option<Double> MAX_TIME_TO_TARGET_VS_FULL = new Spec<>("maxTimeToTargetVsFull", Double.class,
            null, "Fail when AST's time to targetAccuracy is more than this times full's, e.g. 0.7 (needs full)",
            v -> speedup("maxTimeToTargetVsFull", v)).check((v, o) -> timeToTarget("maxTimeToTargetVsFull", v, o,
                    Policy.FULL)).add();
    public static final Option<Double> MIN_SELECTION_LIFT = new Spec<>("minSelectionLift", Double.class, null,
            "Fail when AST's selection lift in its last epoch is below this, e.g. 1.2; unset: not checked",
            v -> speedup("minSelectionLift", v))
            .check((v, o) -> {
                if (v != null && (!(v > 0) || !Double.isFinite(v))) {
                    throw new ConfigException("minSelectionLift", "minSelectionLift " + fmt(v)
                            + " is out of range; allowed: greater than 0 (1.0 is what random selection gets)");
                }
                return v;
            }).add();
    public static final Option<String> LIMITS = text("limits", null,
            "Limits on any figure, separated by ';': [policy.]figure[.median|min|max] >= or <= a number, e.g."
                    + " accuracy.min >= 0.70; timeToTargetVsRandom <= 0.9")
            .check((v, o) -> {
                LimitText.parse(v);
                return v == null || v.isBlank() ? null : v.trim();
            }).add();
    public static final Option<Path> BASELINE_FILE = path("baselineFile", null,
            "The committed baseline results are compared with; unset: no baseline check").add();
    public static final Option<Double> MAX_ACCURACY_DROP = ratio("maxAccuracyDrop", 0.02,
            "Fail when accuracy falls more than this below the baseline's").check(unit("maxAccuracyDrop")).add();
    public static final Option<Double> MAX_SAVINGS_DROP = ratio("maxSavingsDrop", 0.02,
            "Fail when modeled savings fall more than this below the baseline's").check(unit("maxSavingsDrop")).add();
    public static final Option<Double> MAX_SPEEDUP_DROP = ratio("maxSpeedupDrop", 0.25,
            "Fail when the speedup falls below (1 - this) times the baseline's").check(unit("maxSpeedupDrop")).add();
    public static final Option<Double> MAX_SELECTION_LIFT_DROP = ratio("maxSelectionLiftDrop", 0.25,
            "Fail when AST's selection lift falls below (1 - this) times the baseline seeds' mean")
            .check(unit("maxSelectionLiftDrop")).add();
    public static final Option<Double> SAME_ENVIRONMENT_TOLERANCE = ratio("sameEnvironmentTolerance", 0.005,
            "In the baseline's own environment (same CPU, engine, one libtorch thread), fail when a seed's accuracy"
                    + " moves more than this in either direction").check(unit("sameEnvironmentTolerance")).add();
    public static final Option<Boolean> REFUSE_BLIND_GATE = bool("refuseBlindGate", false,
            "Fail when a gated figure's detectable drop (the smallest drop the baseline or history comparison can"
                    + " tell from the seeds' noise) is larger than its tolerance, naming the figure, both numbers and"
                    + " the remedy").add();
    public static final Option<Path> OUTPUT_DIR = path("outputDir", Path.of("target", "ast"),
            "Where outputs go: <outputDir>/<name>/ per experiment").check((v, o) -> {
                if (v == null) {
                    throw new ConfigException("outputDir", "outputDir is not set");
                }
                return v;
            }).add();
    public static final Option<Path> HISTORY_FILE = path("historyFile", null,
            "A file each result's headline figures are appended to, for trends across builds; none when unset").add();
    public static final Option<Integer> HISTORY_MIN_RUNS = integer("historyMinRuns", 5,
            "With historyFile: the earlier runs of the same experiment and settings in this environment the history"
                    + " needs before it judges a run against them").check(atLeast("historyMinRuns", 2,
                    "a spread needs two runs")).add();
    public static final Option<Integer> HISTORY_WINDOW = integer("historyWindow", 10,
            "With historyFile: how many of the latest earlier runs in this environment a run is judged against")
            .check((v, o) -> {
                int min = o.get(HISTORY_MIN_RUNS);
                if (v < min) {
                    throw new ConfigException("historyWindow", "historyWindow " + v + " is out of range; allowed: at"
                            + " least historyMinRuns (" + min + "), or the history could never be used");
                }
                return v;
            }).add();

    private static final Map<String, Option<?>> BY_NAME;

    static {
        // each mode's options in its own order: a new one goes right after the mode's option before it, so
        // options shared by two modes keep both modes' orders (stale's, then importance's own after score)
        for (SelectionMode mode : SelectionMode.all()) {
            int at = ALL.size();
            for (Option<?> o : mode.options()) {
                if (ALL.contains(o)) {
                    at = ALL.indexOf(o) + 1;
                } else {
                    ALL.add(Math.min(at, ALL.size()), o);
                    at = ALL.indexOf(o) + 1;
                }
            }
        }
        Map<String, Option<?>> m = new LinkedHashMap<>();
        for (Option<?> o : ALL) {
            if (m.put(o.name(), o) != null) {
                throw new IllegalStateException("option " + o.name() + " declared twice");
            }
        }
        BY_NAME = Collections.unmodifiableMap(m);
    }

    private Options() {
    }

    /**
     * Every option in the order they are checked in: the core's in declaration order, then the
     * selection modes' own, each mode's in its order (an option shared by two modes once).
     */
    public static List<Option<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** Every option's name, in declaration order. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /** The option of that name, or null. */
    public static Option<?> find(String name) {
        return BY_NAME.get(name);
    }

    /**
     * The option of that name.
     *
     * @throws ConfigException when there is none, suggesting the nearest name
     */
    public static Option<?> named(String name) {
        Option<?> o = BY_NAME.get(name);
        if (o == null) {
            throw new ConfigException(name, notAField(name));
        }
        return o;
    }

    /**
     * The words every front end uses for a name that is no option: {@code 'epoch' is not a
     * configuration field; did you mean epochs? known fields: allowDownload, ...}.
     */
    public static String notAField(String name) {
        return "'" + name + "' is not a configuration field;" + Suggestions.didYouMean(name, BY_NAME.keySet())
                + " known fields: " + String.join(", ", BY_NAME.keySet().stream().sorted().toList());
    }

    private static boolean folder(Option.Values o) {
        return !o.customData() && DatasetCatalog.FOLDER.equals(DatasetCatalog.canonical(o.get(DATASET)));
    }

    private static Double needsFull(String field, Double v, Option.Values o, String message) {
        if (v != null && !o.get(CONTROLS).contains(Policy.FULL)) {
            throw new ConfigException(field, message);
        }
        return v;
    }

    private static List<Policy> checkControls(List<Policy> v, Option.Values o) {
        List<Policy> controls = v == null ? List.of() : v;
        if (controls.contains(Policy.AST)) {
            throw new ConfigException("controls", "controls may list full and the random controls only; ast always runs");
        }
        if (controls.stream().distinct().count() != controls.size()) {
            throw new ConfigException("controls", "controls " + controls + " lists a policy twice");
        }
        return List.copyOf(controls);
    }

    private static Option.Check<Integer> atLeast(String field, int min, String note) {
        return OptionSpec.atLeast(field, min, note);
    }

    private static Option.Check<Double> unit(String field) {
        return OptionSpec.unit(field);
    }

    private static Option.Check<Double> nonNegative(String field) {
        return (v, o) -> {
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new ConfigException(field, field + " " + fmt(v) + " is out of range; allowed: 0 or more");
            }
            return v;
        };
    }

    private static List<Policy> policies(String v) {
        List<Policy> list = new ArrayList<>();
        if (!v.isBlank() && !v.trim().equalsIgnoreCase("none")) {
            for (String part : v.split(",")) {
                list.add(Policy.parse("controls", part));
            }
        }
        return list;
    }

    /** A factor, {@code 1.5} or {@code 1.5x}; blank for none. */
    private static Double speedup(String name, String v) {
        if (v.isBlank()) {
            return null;
        }
        String s = v.toLowerCase(Locale.ROOT).endsWith("x") ? v.substring(0, v.length() - 1) : v;
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name, name + " '" + v + "' is not a number; write e.g. 1.5 or 1.5x");
        }
    }

    private static Double timeToTarget(String field, Double v, Option.Values o, Policy control) {
        if (v == null) {
            return null;
        }
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new ConfigException(field, field + " " + fmt(v) + " is out of range; allowed: greater than 0 (1.0"
                    + " means AST may not reach targetAccuracy later than " + control + ")");
        }
        if (o.get(TARGET_ACCURACY) == null) {
            throw new ConfigException(field, field + " needs targetAccuracy, the accuracy whose time to reach is"
                    + " compared; set targetAccuracy (e.g. 0.85) or remove " + field);
        }
        if (!o.get(CONTROLS).contains(control)) {
            throw new ConfigException(field, field + " compares AST with the " + control + " control, but controls "
                    + o.get(CONTROLS) + " does not include " + control + "; add it to controls or remove " + field);
        }
        return v;
    }

    private static <N> N wholeNumber(String name, String v, Function<String, N> parse) {
        return OptionSpec.wholeNumber(name, v, parse);
    }

    /** Reads a boolean strictly: {@code true} or {@code false}, any case. */
    static boolean bool(String name, String v) {
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new ConfigException(name, name + " '" + v + "' is not true or false");
    }

    /** A number as the messages show it: {@code 1.0}, {@code 0.15}. */
    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%s", v);
    }

    private static Spec<String> text(String name, String def, String description) {
        return new Spec<>(name, String.class, def, description, v -> v);
    }

    private static Spec<Path> path(String name, Path def, String description) {
        return new Spec<>(name, Path.class, def, description, v -> v.isBlank() ? null : Path.of(v)).path();
    }

    private static Spec<Boolean> bool(String name, boolean def, String description) {
        return new Spec<>(name, Boolean.class, def, description, v -> bool(name, v));
    }

    private static Spec<Integer> integer(String name, int def, String description) {
        return new Spec<>(OptionSpec.integer(name, def, description));
    }

    private static Spec<Double> ratio(String name, double def, String description) {
        return new Spec<>(OptionSpec.ratio(name, def, description));
    }

    private static <E extends Enum<E> & Choice> Spec<E> choice(String name, Class<E> type, E def, String description) {
        return new Spec<>(OptionSpec.choice(name, type, def, description));
    }

    private static Spec<Double> optionalRatio(String name, String description) {
        return new Spec<>(name, Double.class, null, description, v -> v.isBlank() ? null : Ratios.parse(name, v))
                .check(unit(name));
    }

    private static Spec<Double> number(String name, double def, String description) {
        return new Spec<>(OptionSpec.number(name, def, description));
    }

    /** A core option being declared: an {@link OptionSpec} that {@link #add()} lists in {@link #all()}. */
    private static final class Spec<T> {
        private final OptionSpec<T> spec;

        Spec(String name, Class<T> type, T def, String description, Function<String, T> parser) {
            this(new OptionSpec<>(name, type, def, description, parser));
        }

        Spec(OptionSpec<T> spec) {
            this.spec = spec;
        }

        Spec<T> check(Option.Check<T> c) {
            spec.check(c);
            return this;
        }

        Spec<T> reported(Function<T, Object> r) {
            spec.reported(r);
            return this;
        }

        Spec<T> path() {
            spec.path();
            return this;
        }

        Spec<T> comparable() {
            spec.comparable();
            return this;
        }

        Spec<T> comparable(Predicate<Option.Values> when) {
            spec.comparable(when);
            return this;
        }

        Option<T> add() {
            Option<T> o = spec.declare();
            ALL.add(o);
            return o;
        }
    }

}
