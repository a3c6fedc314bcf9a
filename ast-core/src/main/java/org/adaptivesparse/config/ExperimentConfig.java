package org.adaptivesparse.config;

import ai.djl.nn.Block;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.project.ProjectClasses;

/**
 * Everything one experiment needs: data, model, the AST algorithm's settings, the controls to run
 * beside it, the thresholds and baseline rules that gate it, and where outputs go.
 *
 * <p>The options themselves are declared once, in {@link Options}: name, type, default and rules.
 * This class holds one value per option, with a typed getter for each the engine reads. Immutable;
 * built with {@link #builder()}, validated in {@link Builder#build()} only, so the Maven goal, the
 * JUnit extension and Java callers reject the same bad values with the same words. Front ends go
 * through {@link ConfigurationProcessor}, which also says where a bad value came from.
 */
public final class ExperimentConfig {

    /** Proportional gain default; see docs/selection-modes.md, "Controller defaults", for the measurements behind it. */
    public static final double DEFAULT_KP = Options.KP.defaultValue();
    /** Integral gain default; see docs/selection-modes.md, "Controller defaults". */
    public static final double DEFAULT_KI = Options.KI.defaultValue();

    private final Map<Option<?>, Object> values;
    private final Supplier<DataSplit> dataSupplier;
    private final Supplier<Block> blockFactory;
    private final ProjectClasses projectClasses;
    private final Thresholds thresholds;

    private ExperimentConfig(Map<Option<?>, Object> values, Supplier<DataSplit> dataSupplier,
            Supplier<Block> blockFactory, ProjectClasses projectClasses) {
        this.values = Collections.unmodifiableMap(values);
        this.dataSupplier = dataSupplier;
        this.blockFactory = blockFactory;
        this.projectClasses = projectClasses;
        this.thresholds = new Thresholds(get(Options.MIN_ACCURACY), get(Options.MAX_ACTIVATION_ERROR),
                get(Options.MIN_SAVINGS), get(Options.MIN_SPEEDUP), get(Options.MAX_ACCURACY_DROP_VS_FULL),
                get(Options.TARGET_ACCURACY), get(Options.MAX_TIME_TO_TARGET_VS_RANDOM),
                get(Options.MAX_TIME_TO_TARGET_VS_FULL), get(Options.MIN_SELECTION_LIFT));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration's values, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.dataSupplier = dataSupplier;
        b.blockFactory = blockFactory;
        b.projectClasses = projectClasses;
        return b;
    }

    /** The value of any option. */
    @SuppressWarnings("unchecked")
    public <T> T get(Option<T> option) {
        return (T) values.get(option);
    }

    /**
     * The settings that decide a run's figures, as {@code result.json} shows them. Two results are
     * comparable (for a baseline check) only when these are equal; see {@link Option#isComparable}.
     */
    public Map<String, Object> comparableSettings() {
        Option.Values view = view(values, dataSupplier != null, blockFactory != null, projectClasses);
        Map<String, Object> m = new LinkedHashMap<>();
        for (Option<?> o : Options.all()) {
            if (o.isComparable(view)) {
                m.put(o.name(), reported(o));
            }
        }
        if (dataSupplier != null) {
            m.put(Options.DATASET.name(), "custom");
        }
        if (blockFactory != null) {
            m.put(Options.MODEL.name(), "custom");
        }
        return Collections.unmodifiableMap(m);
    }

    private <T> Object reported(Option<T> o) {
        return o.reported(get(o));
    }

    /** The experiment name, free text; see {@link #directoryName()} for the file-safe form. */
    public String name() { return get(Options.NAME); }
    public String description() { return get(Options.DESCRIPTION); }
    public String dataset() { return get(Options.DATASET); }
    public Path dataDir() { return get(Options.DATA_DIR); }
    /** With dataset {@code folder}: the side of the square every image is resized to. */
    public int imageSize() { return get(Options.IMAGE_SIZE); }
    /** With dataset {@code folder}: 1 (grayscale) or 3 (RGB). */
    public int channels() { return get(Options.CHANNELS); }
    /** With dataset {@code folder} and no train/test subdirectories: the share of each class held out for testing. */
    public double testFraction() { return get(Options.TEST_FRACTION); }
    public Path cacheDir() { return get(Options.CACHE_DIR); }
    public boolean allowDownload() { return get(Options.ALLOW_DOWNLOAD); }
    /** Training samples used, 0 for all. */
    public int limit() { return get(Options.LIMIT); }
    /** Test samples used, 0 for all. */
    public int testLimit() { return get(Options.TEST_LIMIT); }
    public String model() { return get(Options.MODEL); }
    public int epochs() { return get(Options.EPOCHS); }
    public int batchSize() { return get(Options.BATCH_SIZE); }
    /** The fraction of samples AST trains; in a sweep, each point's own (see {@link #targets()}). */
    public double targetActivation() { return get(Options.TARGET_ACTIVATION); }
    /** A sweep's activation targets, ascending; empty when this is not a sweep. */
    public List<Double> targets() {
        ActivationTargets t = get(Options.TARGETS);
        return t == null ? List.of() : t.values();
    }
    /** True when {@code targets} is set: AST and random train at every target, full once. */
    public boolean isSweep() { return get(Options.TARGETS) != null; }
    /** The control policies run beside AST, in order. */
    public List<Policy> controls() { return get(Options.CONTROLS); }
    public SelectionMode selection() { return get(Options.SELECTION); }
    public GateMode gate() { return get(Options.GATE); }
    public double lossWeight() { return get(Options.LOSS_WEIGHT); }
    public double stdWeight() { return get(Options.STD_WEIGHT); }
    public double kp() { return get(Options.KP); }
    public double ki() { return get(Options.KI); }
    public double emaAlpha() { return get(Options.EMA_ALPHA); }
    public double initialThreshold() { return get(Options.INITIAL_THRESHOLD); }
    public int warmupEpochs() { return get(Options.WARMUP_EPOCHS); }
    public long seed() { return get(Options.SEED); }
    /** The seeds every policy runs on, in order; the first is {@link #seed()} unless a list says otherwise. */
    public List<Long> seeds() { return get(Options.SEEDS).resolve(seed()); }
    /** libtorch intra-op threads as configured; 0 means half the processors, at least 1. */
    public int threads() { return get(Options.THREADS); }
    public double learningRate() { return get(Options.LEARNING_RATE); }
    public LrSchedule lrSchedule() { return get(Options.LR_SCHEDULE); }
    public int lrWarmupEpochs() { return get(Options.LR_WARMUP_EPOCHS); }
    /** How the random control draws. */
    public RandomSampling randomSampling() { return get(Options.RANDOM_SAMPLING); }
    public double energyActive() { return get(Options.ENERGY_ACTIVE); }
    public double energySkipped() { return get(Options.ENERGY_SKIPPED); }
    /** Test evaluations per epoch; the last is the end of the epoch, on the whole test set. */
    public int evalsPerEpoch() { return get(Options.EVALS_PER_EPOCH); }
    /** Size of the seeded test subset evaluated between epoch ends; 0 for the whole test set. */
    public int evalLimit() { return get(Options.EVAL_LIMIT); }
    /** The accuracy whose time to reach is measured, or null. */
    public Double targetAccuracy() { return get(Options.TARGET_ACCURACY); }
    /** The {@code limits} option's limits, as written (the flat options' are in {@link #thresholds()}). */
    public List<LimitText> limits() { return LimitText.parse(get(Options.LIMITS)); }
    public Path baselineFile() { return get(Options.BASELINE_FILE); }
    public double maxAccuracyDrop() { return get(Options.MAX_ACCURACY_DROP); }
    public double maxSavingsDrop() { return get(Options.MAX_SAVINGS_DROP); }
    /** Relative: 0.25 allows the measured speedup to fall to 75% of the baseline's. */
    public double maxSpeedupDrop() { return get(Options.MAX_SPEEDUP_DROP); }
    public double maxSelectionLiftDrop() { return get(Options.MAX_SELECTION_LIFT_DROP); }
    public double sameEnvironmentTolerance() { return get(Options.SAME_ENVIRONMENT_TOLERANCE); }
    public Path outputDir() { return get(Options.OUTPUT_DIR); }
    public Path historyFile() { return get(Options.HISTORY_FILE); }
    public boolean refuseBlindGate() { return get(Options.REFUSE_BLIND_GATE); }
    public int historyMinRuns() { return get(Options.HISTORY_MIN_RUNS); }
    public int historyWindow() { return get(Options.HISTORY_WINDOW); }
    /** A user-supplied data split, replacing {@link #dataset()} when not null. */
    public Supplier<DataSplit> dataSupplier() { return dataSupplier; }
    /** A user-supplied network, replacing {@link #model()} when not null. */
    public Supplier<Block> blockFactory() { return blockFactory; }
    /** Where the classes {@link #model()} and {@link #dataset()} may name are loaded from. */
    public ProjectClasses projectClasses() { return projectClasses; }
    /** True when {@link #model()} names a class of the project ({@code com.example.Net}), not a built-in network. */
    public boolean projectModel() { return blockFactory == null && ProjectReferences.isReference(model()); }
    /** True when {@link #dataset()} names a class of the project, not a built-in dataset. */
    public boolean projectDataset() { return dataSupplier == null && ProjectReferences.isReference(dataset()); }
    /** The probability that each training label is replaced by a wrong one; 0 for none. */
    public double labelNoise() { return get(Options.LABEL_NOISE); }
    /** How a noisy label is chosen, with {@link #labelNoise()}. */
    public org.adaptivesparse.data.LabelNoise.Kind labelNoiseKind() { return get(Options.LABEL_NOISE_KIND); }
    /** Starting weights loaded into every policy's network, or null to train from scratch. */
    public Path initialParameters() { return get(Options.INITIAL_PARAMETERS); }
    public Thresholds thresholds() { return thresholds; }

    /** The model's label for reports: its name, or "custom" for a user block. */
    public String modelLabel() {
        return blockFactory != null ? "custom" : model();
    }

    /** The dataset's label for reports: its name, or "custom" for user data. */
    public String datasetLabel() {
        return dataSupplier != null ? "custom" : dataset();
    }

    /** {@link #name()} reduced to characters safe in a file name on every OS. */
    public String directoryName() {
        String s = name().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        return s.isEmpty() ? "experiment" : s;
    }

    /**
     * Thresholds, each optional (null means not checked); {@code targetAccuracy} is the accuracy the
     * two time-to-target thresholds are about.
     */
    public record Thresholds(Double minAccuracy, Double maxActivationError, Double minSavings, Double minSpeedup,
            Double maxAccuracyDropVsFull, Double targetAccuracy, Double maxTimeToTargetVsRandom,
            Double maxTimeToTargetVsFull, Double minSelectionLift) {
        /** The thresholds without time to target and selection lift. */
        public Thresholds(Double minAccuracy, Double maxActivationError, Double minSavings, Double minSpeedup,
                Double maxAccuracyDropVsFull) {
            this(minAccuracy, maxActivationError, minSavings, minSpeedup, maxAccuracyDropVsFull, null, null, null, null);
        }

        /** True when no absolute threshold is set. */
        public boolean isEmpty() {
            return minAccuracy == null && maxActivationError == null && minSavings == null && minSpeedup == null
                    && maxAccuracyDropVsFull == null && maxTimeToTargetVsRandom == null && maxTimeToTargetVsFull == null
                    && minSelectionLift == null;
        }
    }

    private static Option.Values view(Map<Option<?>, Object> values, boolean customData, boolean customModel,
            ProjectClasses projectClasses) {
        return new Option.Values() {
            @Override
            @SuppressWarnings("unchecked")
            public <V> V get(Option<V> option) {
                return values.containsKey(option) ? (V) values.get(option) : option.defaultValue();
            }

            @Override
            public boolean customData() {
                return customData;
            }

            @Override
            public boolean customModel() {
                return customModel;
            }

            @Override
            public ProjectClasses projectClasses() {
                return projectClasses;
            }
        };
    }

    /** Builds and validates an {@link ExperimentConfig}. Setters take the names users type. */
    public static final class Builder {
        private final Map<Option<?>, Object> values = new HashMap<>();
        private Supplier<DataSplit> dataSupplier;
        private Supplier<Block> blockFactory;
        private ProjectClasses projectClasses;

        private Builder() {
        }

        /** Sets any option; {@code null} unsets an optional one. Checked in {@link #build()}. */
        public <T> Builder set(Option<T> option, T value) {
            values.put(option, value);
            return this;
        }

        /**
         * Sets any option by the name users type, from text ({@code "coverage"}, {@code "10%"}) or a
         * value of a fitting type ({@code 0.3}, {@code 2}): how Java callers set a selection mode's
         * own options, which have no setter here. Read at once: a bad value throws here.
         *
         * @throws ConfigException when no option has that name (suggesting the nearest) or the value does not fit
         */
        public Builder set(String name, Object value) {
            return setConverted(Options.named(name), value);
        }

        private <T> Builder setConverted(Option<T> option, Object value) {
            return set(option, option.convert(value));
        }

        /**
         * Every selection mode's own option back to its default: for a run that trains no selecting
         * policy (the warm-up), whose mode options need not fit its epochs.
         */
        public Builder modeDefaults() {
            values.keySet().removeIf(SelectionMode::isModeOption);
            return this;
        }

        /** The value set so far, or the option's default. */
        @SuppressWarnings("unchecked")
        public <T> T get(Option<T> option) {
            return values.containsKey(option) ? (T) values.get(option) : option.defaultValue();
        }

        public Builder dataSupplier(Supplier<DataSplit> v) { this.dataSupplier = v; return this; }
        public Builder blockFactory(Supplier<Block> v) { this.blockFactory = v; return this; }
        /**
         * Where the classes a {@code model} or {@code dataset} value names are loaded from; default:
         * this thread's context class loader and the directories of {@code java.class.path}.
         */
        public Builder projectClasses(ProjectClasses v) { this.projectClasses = v; return this; }
        public Builder initialParameters(Path v) { return set(Options.INITIAL_PARAMETERS, v); }
        public Builder labelNoise(double v) { return set(Options.LABEL_NOISE, v); }
        public Builder labelNoiseKind(String v) { return set(Options.LABEL_NOISE_KIND, Options.LABEL_NOISE_KIND.parse(v)); }
        public Builder name(String v) { return set(Options.NAME, v); }
        public Builder description(String v) { return set(Options.DESCRIPTION, v == null ? "" : v); }
        public Builder dataset(String v) { return set(Options.DATASET, v); }
        public Builder dataDir(Path v) { return set(Options.DATA_DIR, v); }
        public Builder imageSize(int v) { return set(Options.IMAGE_SIZE, v); }
        public Builder channels(int v) { return set(Options.CHANNELS, v); }
        public Builder testFraction(double v) { return set(Options.TEST_FRACTION, v); }
        public Builder cacheDir(Path v) { return set(Options.CACHE_DIR, v); }
        public Builder allowDownload(boolean v) { return set(Options.ALLOW_DOWNLOAD, v); }
        public Builder limit(int v) { return set(Options.LIMIT, v); }
        public Builder testLimit(int v) { return set(Options.TEST_LIMIT, v); }
        public Builder model(String v) { return set(Options.MODEL, v); }
        public Builder epochs(int v) { return set(Options.EPOCHS, v); }
        public Builder batchSize(int v) { return set(Options.BATCH_SIZE, v); }
        public Builder targetActivation(double v) { return set(Options.TARGET_ACTIVATION, v); }
        /** A sweep over these activation targets, {@code "0.05,0.1,0.2"}; null or blank for none. */
        public Builder targets(String v) { return set(Options.TARGETS, Options.TARGETS.parse(v)); }
        public Builder controls(List<Policy> v) { return set(Options.CONTROLS, v == null ? null : new ArrayList<>(v)); }
        /** Parses a comma-separated list such as {@code "full,random"}; {@code "none"} or empty for none. */
        public Builder controls(String v) { return set(Options.CONTROLS, Options.CONTROLS.parse(v)); }
        public Builder selection(SelectionMode v) { return set(Options.SELECTION, v); }
        public Builder selection(String v) { return set(Options.SELECTION, Options.SELECTION.parse(v)); }
        public Builder gate(GateMode v) { return set(Options.GATE, v); }
        public Builder gate(String v) { return set(Options.GATE, Options.GATE.parse(v)); }
        public Builder lossWeight(double v) { return set(Options.LOSS_WEIGHT, v); }
        public Builder stdWeight(double v) { return set(Options.STD_WEIGHT, v); }
        public Builder kp(double v) { return set(Options.KP, v); }
        public Builder ki(double v) { return set(Options.KI, v); }
        public Builder emaAlpha(double v) { return set(Options.EMA_ALPHA, v); }
        public Builder initialThreshold(double v) { return set(Options.INITIAL_THRESHOLD, v); }
        public Builder warmupEpochs(int v) { return set(Options.WARMUP_EPOCHS, v); }
        public Builder seed(long v) { return set(Options.SEED, v); }
        public Builder seeds(String v) { return set(Options.SEEDS, Options.SEEDS.parse(v)); }
        public Builder threads(int v) { return set(Options.THREADS, v); }
        public Builder learningRate(double v) { return set(Options.LEARNING_RATE, v); }
        public Builder lrSchedule(LrSchedule v) { return set(Options.LR_SCHEDULE, v); }
        public Builder lrSchedule(String v) { return set(Options.LR_SCHEDULE, Options.LR_SCHEDULE.parse(v)); }
        public Builder lrWarmupEpochs(int v) { return set(Options.LR_WARMUP_EPOCHS, v); }
        public Builder randomSampling(RandomSampling v) { return set(Options.RANDOM_SAMPLING, v); }
        public Builder randomSampling(String v) { return set(Options.RANDOM_SAMPLING, Options.RANDOM_SAMPLING.parse(v)); }
        public Builder energyActive(double v) { return set(Options.ENERGY_ACTIVE, v); }
        public Builder energySkipped(double v) { return set(Options.ENERGY_SKIPPED, v); }
        public Builder minAccuracy(Double v) { return set(Options.MIN_ACCURACY, v); }
        public Builder maxActivationError(Double v) { return set(Options.MAX_ACTIVATION_ERROR, v); }
        public Builder minSavings(Double v) { return set(Options.MIN_SAVINGS, v); }
        public Builder maxAccuracyDropVsFull(Double v) { return set(Options.MAX_ACCURACY_DROP_VS_FULL, v); }
        public Builder minSpeedup(Double v) { return set(Options.MIN_SPEEDUP, v); }
        public Builder evalsPerEpoch(int v) { return set(Options.EVALS_PER_EPOCH, v); }
        public Builder evalLimit(int v) { return set(Options.EVAL_LIMIT, v); }
        public Builder targetAccuracy(Double v) { return set(Options.TARGET_ACCURACY, v); }
        public Builder maxTimeToTargetVsRandom(Double v) { return set(Options.MAX_TIME_TO_TARGET_VS_RANDOM, v); }
        public Builder maxTimeToTargetVsFull(Double v) { return set(Options.MAX_TIME_TO_TARGET_VS_FULL, v); }
        public Builder minSelectionLift(Double v) { return set(Options.MIN_SELECTION_LIFT, v); }
        /** Limits on any figure, {@code "accuracy.min >= 0.70; timeToTargetVsRandom <= 0.9"}. */
        public Builder limits(String v) { return set(Options.LIMITS, v); }
        public Builder baselineFile(Path v) { return set(Options.BASELINE_FILE, v); }
        public Builder maxAccuracyDrop(double v) { return set(Options.MAX_ACCURACY_DROP, v); }
        public Builder maxSavingsDrop(double v) { return set(Options.MAX_SAVINGS_DROP, v); }
        public Builder maxSpeedupDrop(double v) { return set(Options.MAX_SPEEDUP_DROP, v); }
        public Builder maxSelectionLiftDrop(double v) { return set(Options.MAX_SELECTION_LIFT_DROP, v); }
        public Builder sameEnvironmentTolerance(double v) { return set(Options.SAME_ENVIRONMENT_TOLERANCE, v); }
        public Builder outputDir(Path v) { return set(Options.OUTPUT_DIR, v); }
        public Builder historyFile(Path v) { return set(Options.HISTORY_FILE, v); }
        public Builder refuseBlindGate(boolean v) { return set(Options.REFUSE_BLIND_GATE, v); }
        public Builder historyMinRuns(int v) { return set(Options.HISTORY_MIN_RUNS, v); }
        public Builder historyWindow(int v) { return set(Options.HISTORY_WINDOW, v); }

        /**
         * Checks every option in declaration order and builds the configuration.
         *
         * @throws ConfigException naming the first option at fault, its value and what is allowed
         */
        public ExperimentConfig build() {
            Map<Option<?>, Object> checked = new HashMap<>();
            for (Option<?> o : Options.all()) {
                checked.put(o, get(o));
            }
            ProjectClasses classes = projectClasses != null ? projectClasses
                    : ProjectClasses.ofClassPath(Thread.currentThread().getContextClassLoader());
            Option.Values view = view(checked, dataSupplier != null, blockFactory != null, classes);
            for (Option<?> o : Options.all()) {
                checked.put(o, check(o, view));
            }
            return new ExperimentConfig(checked, dataSupplier, blockFactory, classes);
        }

        private <T> T check(Option<T> o, Option.Values view) {
            T value = view.get(o);
            if (value == null && o.defaultValue() != null) {
                throw new ConfigException(o.name(), o.name() + " is not set");
            }
            return o.check(value, view);
        }
    }
}
