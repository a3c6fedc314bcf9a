package org.adaptivesparse.experiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import ai.djl.ndarray.types.Shape;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.ProjectReferences;
import org.adaptivesparse.data.DataContext;
import org.adaptivesparse.data.DataException;
import org.adaptivesparse.data.DatasetFactory;
import org.adaptivesparse.data.DatasetPair;
import org.adaptivesparse.data.LabelNoise;
import org.adaptivesparse.model.BlockFactory;
import org.adaptivesparse.project.ReferenceException;
import org.adaptivesparse.config.Option;
import org.adaptivesparse.config.Options;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataRequest;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.data.FolderSettings;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.Comparisons;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.selection.ReferenceLosses;
import org.adaptivesparse.selection.ReferenceOptions;
import org.adaptivesparse.training.LibtorchThreads;
import org.adaptivesparse.training.ProgressListener;
import org.adaptivesparse.training.SparseTrainer;
import org.adaptivesparse.training.TrainingTensors;
import org.adaptivesparse.verdict.BlowUpCheck;
import org.adaptivesparse.verdict.Limits;

/**
 * Runs one experiment: AST and its controls one after the other in this process, on the same data,
 * seed and initial weights, and derives what only a side-by-side run can give: the measured speedup
 * and the accuracy differences at equal epochs ({@link Comparisons}). Does not gate and does not write files; see
 * {@link ExperimentPipeline} for the whole job.
 */
public final class ExperimentRunner {
    /** Batches of full training run before the first timed epoch, so no policy pays for JIT and native warm-up. */
    static final int WARMUP_BATCHES = 20;

    private final ProgressListener listener;

    public ExperimentRunner(ProgressListener listener) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /** Loads the data, runs every policy and returns the result, without a verdict. */
    public ExperimentResult run(ExperimentConfig cfg) {
        String startedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        DataSplit data = withLabelNoise(cfg, Datasets.load(dataRequest(cfg)));
        int threads = LibtorchThreads.apply(cfg.threads());
        listener.info("[" + cfg.name() + "] data: " + data.train().name() + ", " + data.train().size() + " training and "
                + data.test().size() + " test samples of " + sampleWords(data.train()) + "; libtorch threads: " + threads);
        Supplier<Block> blocks = blockFactory(cfg, data.train());
        NetworkProbe.check(cfg, blocks, data.train());
        warmUp(cfg, data, blocks);
        List<RunResult> runs = new ArrayList<>();
        for (long seed : cfg.seeds()) {
            ExperimentConfig seeded = cfg.toBuilder().seed(seed).build();
            if (cfg.seeds().size() > 1) {
                listener.info("[" + cfg.name() + "] seed " + seed);
            }
            if (cfg.selection().usesReferenceModel()) {
                ReferencePreparation.Prepared p = ReferencePreparation.prepare(seeded, data,
                        referenceBlocks(seeded, data.train(), blocks), listener);
                runs.addAll(interleaved(starts(seeded), p.policies(), p.all(), p.reference(), seeded, blocks));
            } else {
                runs.addAll(interleaved(starts(seeded), data, data, null, seeded, blocks));
            }
        }
        Map<String, Object> configuration = displayConfiguration(cfg);
        configuration.put(BlowUpCheck.CLASSES, data.train().classes());
        configuration.put("spreadTerm", data.train().features() ? "feature spread (per-sample standard deviation of"
                + " the feature vector)" : "pixel spread (per-sample standard deviation of the pixels)");
        boolean warmup = cfg.warmupEpochs() > 0;
        boolean target = cfg.targetAccuracy() != null;
        if (!cfg.isSweep()) {
            return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, cfg.name(), cfg.description(), startedAt,
                    cfg.comparableSettings(), configuration, Environment.capture(), runs,
                    Comparisons.compare(runs, warmup, target), null);
        }
        List<ExperimentResult.SweepPoint> points = new ArrayList<>();
        for (double t : cfg.targets()) {
            points.add(new ExperimentResult.SweepPoint(t, Comparisons.compare(atTarget(runs, t), warmup, target)));
        }
        return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, cfg.name(), cfg.description(), startedAt,
                cfg.comparableSettings(), configuration, Environment.capture(), runs, null, null, points);
    }

    /** One policy started with its own configuration: a sweep trains AST and random at each point's target. */
    private record Start(Policy policy, SparseTrainer trainer) {
    }

    /**
     * What one seed trains, in result order: AST, then each control. In a sweep, AST at every target,
     * {@code full} once and every other control at every target, each with that point's
     * {@code targetActivation} (and the point's name in progress lines).
     */
    private List<Start> starts(ExperimentConfig seeded) {
        List<Start> out = new ArrayList<>();
        if (!seeded.isSweep()) {
            SparseTrainer trainer = new SparseTrainer(seeded, listener);
            out.add(new Start(Policy.AST, trainer));
            seeded.controls().forEach(c -> out.add(new Start(c, trainer)));
            return out;
        }
        List<SparseTrainer> atTargets = seeded.targets().stream()
                .map(t -> new SparseTrainer(seeded.toBuilder().targetActivation(t)
                        .name(ExperimentResult.pointName(seeded.name(), t)).build(), listener))
                .toList();
        atTargets.forEach(t -> out.add(new Start(Policy.AST, t)));
        for (Policy c : seeded.controls()) {
            if (c == Policy.FULL) {
                out.add(new Start(c, new SparseTrainer(seeded, listener)));
            } else {
                atTargets.forEach(t -> out.add(new Start(c, t)));
            }
        }
        return out;
    }

    /** A sweep's runs at one target, with the runs of no target ({@code full}), in result order. */
    static List<RunResult> atTarget(List<RunResult> runs, double target) {
        return runs.stream()
                .filter(r -> r.targetActivation() == null || Math.abs(r.targetActivation() - target) < 1e-12).toList();
    }

    /**
     * AST and its controls, an epoch of each in turn, each with its own model, optimizer and data
     * order: the machine's speed drifts on shared runners, and interleaving lets the drift hit every
     * policy alike instead of whichever ran last. The data tensors are shared.
     *
     * @param data      what every policy but {@code random-all} trains on
     * @param all       what {@code random-all} trains on: {@code data} with the reference model's holdout
     * @param reference the irreducible losses of {@code data}'s training samples, or null
     */
    private static List<RunResult> interleaved(List<Start> starts, DataSplit data, DataSplit all,
            ReferenceLosses reference, ExperimentConfig cfg, Supplier<Block> blocks) {
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice())) {
            TrainingTensors tensors = TrainingTensors.of(manager, data, cfg.evalLimit(), cfg.seed()).withReference(reference);
            TrainingTensors allTensors = starts.stream().anyMatch(s -> s.policy() == Policy.RANDOM_ALL)
                    ? TrainingTensors.of(manager, all, cfg.evalLimit(), cfg.seed()) : null;
            List<SparseTrainer.TrainingRun> open = new ArrayList<>();
            try {
                for (Start s : starts) {
                    open.add(s.trainer().start(s.policy(), s.policy() == Policy.RANDOM_ALL ? allTensors : tensors,
                            blocks));
                }
                boolean more = true;
                while (more) {
                    more = false;
                    for (SparseTrainer.TrainingRun run : open) {
                        more |= run.next();
                    }
                }
                return open.stream().map(SparseTrainer.TrainingRun::result).toList();
            } finally {
                open.forEach(SparseTrainer.TrainingRun::close);
            }
        }
    }

    /**
     * Trains a throwaway model on a few batches so that class loading, JIT and libtorch's first-call
     * costs land before the first timed epoch instead of on whichever policy happens to run first.
     */
    private void warmUp(ExperimentConfig cfg, DataSplit data, Supplier<Block> blocks) {
        int n = Math.min(data.train().size(), WARMUP_BATCHES * cfg.batchSize());
        // one epoch: every option that counts epochs must fit in it; the controls stay, as thresholds
        // against a control (maxAccuracyDropVsFull) are only valid while that control is listed
        ExperimentConfig warm = cfg.toBuilder().epochs(1).warmupEpochs(0).modeDefaults().lrWarmupEpochs(0).build();
        DataSplit small = new DataSplit(data.train().limit(n), data.test().limit(cfg.batchSize()));
        new SparseTrainer(warm, ProgressListener.NONE).train(Policy.FULL, small, blocks);
    }

    /**
     * The data with {@code labelNoise} applied to the training labels, once for every policy and seed
     * (seeded by the experiment's first seed); the data as loaded without it.
     */
    private DataSplit withLabelNoise(ExperimentConfig cfg, DataSplit data) {
        if (cfg.labelNoise() == 0) {
            return data;
        }
        LabelNoise.Noisy noisy = LabelNoise.apply(data, cfg.labelNoise(), cfg.labelNoiseKind(), cfg.seed());
        listener.info("[" + cfg.name() + "] label noise: " + Math.round(noisy.share() * data.train().size()) + " of "
                + data.train().size() + " training labels (" + String.format(Locale.ROOT, "%.1f%%", noisy.share() * 100)
                + ") replaced, " + cfg.labelNoiseKind().description() + "; the test set is clean");
        return noisy.split();
    }

    /** {@code 1x28x28} for images, {@code feature vectors of 20} for features, else the sample shape. */
    private static String sampleWords(ImageSet set) {
        if (set.features()) {
            return "feature vectors of " + set.sampleShape().get(0);
        }
        Shape s = set.sampleShape();
        return s.dimension() == 3 ? set.channels() + "x" + set.height() + "x" + set.width() : "shape " + s;
    }

    /**
     * The data {@code cfg} trains on, in the data package's terms: its supplier (the Java API's, or
     * the project's {@code DatasetFactory} the {@code dataset} option names), or its named dataset.
     */
    static DataRequest dataRequest(ExperimentConfig cfg) {
        Supplier<DataSplit> supplier = cfg.dataSupplier();
        if (cfg.projectDataset()) {
            DatasetFactory factory = ProjectReferences.dataset(cfg.projectClasses(), cfg.dataset());
            DataContext context = new DataContext(cfg.dataDir(), cfg.cacheDir(), cfg.allowDownload(), cfg.seed());
            supplier = () -> load(factory, context, cfg.dataset());
        }
        return new DataRequest(cfg.dataset(), cfg.dataDir(), cfg.cacheDir(), cfg.allowDownload(), cfg.limit(),
                cfg.testLimit(), cfg.seed(), supplier,
                new FolderSettings(cfg.imageSize(), cfg.channels(), cfg.testFraction()));
    }

    private static DataSplit load(DatasetFactory factory, DataContext context, String source) {
        DatasetPair pair;
        try {
            pair = factory.create(context);
        } catch (ReferenceException e) {
            throw new DataException(source + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new DataException(source + " threw " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        return pair.read(source);
    }

    /**
     * A new network per call: the Java API's, the project's {@code BlockFactory} the {@code model}
     * option names (told the data's sample shape and class count), or a built-in one.
     */
    static Supplier<Block> blockFactory(ExperimentConfig cfg, ImageSet shape) {
        if (cfg.blockFactory() != null) {
            return cfg.blockFactory();
        }
        if (cfg.projectModel()) {
            BlockFactory factory = ProjectReferences.model(cfg.projectClasses(), cfg.model());
            return () -> factory.newBlock(shape.sampleShape(), shape.classes());
        }
        return () -> Models.build(cfg.model(), shape.channels(), shape.height(), shape.width(), shape.classes());
    }

    /** The reference model's network: {@code referenceModel}, or the experiment's own when it is empty. */
    private static Supplier<Block> referenceBlocks(ExperimentConfig cfg, ImageSet shape, Supplier<Block> own) {
        String name = cfg.get(ReferenceOptions.MODEL);
        return name.isEmpty() ? own : blockFactory(cfg.toBuilder().blockFactory(null).model(name).build(), shape);
    }

    /** Every configuration value a reader of the report needs, in a stable order. */
    static Map<String, Object> displayConfiguration(ExperimentConfig cfg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", cfg.name());
        m.put("dataset", cfg.datasetLabel());
        if (cfg.dataDir() != null) {
            m.put("dataDir", cfg.dataDir().toString());
        }
        m.put("model", cfg.modelLabel());
        m.putAll(cfg.comparableSettings());
        if (cfg.initialParameters() != null) {
            m.put("initialParameters", cfg.initialParameters().toString());
        }
        m.put("seeds", cfg.seeds().stream().map(String::valueOf).toList());
        m.put("controls", cfg.controls().stream().map(Policy::id).toList());
        m.put("initialThreshold", cfg.initialThreshold());
        m.put("threads", cfg.threads());
        m.put("evalsPerEpoch", cfg.evalsPerEpoch());
        m.put("evalLimit", cfg.evalLimit());
        putIf(m, "targetAccuracy", cfg.targetAccuracy());
        for (Option<Double> o : Limits.shortFormOptions()) {
            putIf(m, o.name(), cfg.get(o));
        }
        putIf(m, Options.LIMITS.name(), cfg.get(Options.LIMITS));
        if (cfg.baselineFile() != null) {
            m.put("baselineFile", cfg.baselineFile().toString());
            m.put("maxAccuracyDrop", cfg.maxAccuracyDrop());
            m.put("maxSavingsDrop", cfg.maxSavingsDrop());
            m.put("maxSpeedupDrop", cfg.maxSpeedupDrop());
            m.put("maxSelectionLiftDrop", cfg.maxSelectionLiftDrop());
            m.put("sameEnvironmentTolerance", cfg.sameEnvironmentTolerance());
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
