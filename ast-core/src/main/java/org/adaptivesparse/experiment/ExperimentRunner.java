package org.adaptivesparse.experiment;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataRequest;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.data.FolderSettings;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.stats.PairedTest;
import org.adaptivesparse.stats.Spread;
import org.adaptivesparse.training.LibtorchThreads;
import org.adaptivesparse.training.ProgressListener;
import org.adaptivesparse.training.SparseTrainer;
import org.adaptivesparse.training.TrainingTensors;
import org.adaptivesparse.verdict.BlowUpCheck;

/**
 * Runs one experiment: AST and its controls one after the other in this process, on the same data,
 * seed and initial weights, and derives what only a side-by-side run can give: the measured speedup
 * and the accuracy differences at equal epochs. Does not gate and does not write files; see
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
        DataSplit data = Datasets.load(dataRequest(cfg));
        int threads = LibtorchThreads.apply(cfg.threads());
        listener.info("[" + cfg.name() + "] data: " + data.train().name() + ", " + data.train().size() + " training and "
                + data.test().size() + " test samples of " + data.train().channels() + "x" + data.train().height() + "x"
                + data.train().width() + "; libtorch threads: " + threads);
        Supplier<Block> blocks = blockFactory(cfg, data.train());
        warmUp(cfg, data, blocks);
        List<RunResult> runs = new ArrayList<>();
        for (long seed : cfg.seeds()) {
            ExperimentConfig seeded = cfg.toBuilder().seed(seed).build();
            if (cfg.seeds().size() > 1) {
                listener.info("[" + cfg.name() + "] seed " + seed);
            }
            runs.addAll(interleaved(starts(seeded), data, seeded, blocks));
        }
        Map<String, Object> configuration = displayConfiguration(cfg);
        configuration.put(BlowUpCheck.CLASSES, data.train().classes());
        boolean warmup = cfg.warmupEpochs() > 0;
        boolean target = cfg.targetAccuracy() != null;
        if (!cfg.isSweep()) {
            return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, cfg.name(), cfg.description(), startedAt,
                    cfg.comparableSettings(), configuration, Environment.capture(), runs,
                    compare(runs, warmup, target), null);
        }
        List<ExperimentResult.SweepPoint> points = new ArrayList<>();
        for (double t : cfg.targets()) {
            points.add(new ExperimentResult.SweepPoint(t, compare(atTarget(runs, t), warmup, target)));
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
     */
    private static List<RunResult> interleaved(List<Start> starts, DataSplit data, ExperimentConfig cfg,
            Supplier<Block> blocks) {
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice())) {
            TrainingTensors tensors = TrainingTensors.of(manager, data, cfg.evalLimit(), cfg.seed());
            List<SparseTrainer.TrainingRun> open = new ArrayList<>();
            try {
                for (Start s : starts) {
                    open.add(s.trainer().start(s.policy(), tensors, blocks));
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
        // one epoch: every option that counts epochs must fit in it
        ExperimentConfig warm = cfg.toBuilder().epochs(1).warmupEpochs(0).modeDefaults().lrWarmupEpochs(0)
                .controls(List.of()).build();
        DataSplit small = new DataSplit(data.train().limit(n), data.test().limit(cfg.batchSize()));
        new SparseTrainer(warm, ProgressListener.NONE).train(Policy.FULL, small, blocks);
    }

    /** The data {@code cfg} trains on, in the data package's terms: its supplier, or its named dataset. */
    static DataRequest dataRequest(ExperimentConfig cfg) {
        return new DataRequest(cfg.dataset(), cfg.dataDir(), cfg.cacheDir(), cfg.allowDownload(), cfg.limit(),
                cfg.testLimit(), cfg.seed(), cfg.dataSupplier(),
                new FolderSettings(cfg.imageSize(), cfg.channels(), cfg.testFraction()));
    }

    static Supplier<Block> blockFactory(ExperimentConfig cfg, ImageSet shape) {
        if (cfg.blockFactory() != null) {
            return cfg.blockFactory();
        }
        return () -> Models.build(cfg.model(), shape.channels(), shape.height(), shape.width(), shape.classes());
    }

    /**
     * The measured comparison. With one seed, the figures of that seed; with several, each figure is
     * the median over seeds of the per-seed figure (AST against the control of the same seed), and the
     * paired tests say on how many seeds AST was ahead. AST's epoch time is the median over its epochs
     * after warmup.
     */
    public static Comparison compare(List<RunResult> runs, boolean hasWarmup, boolean hasTarget) {
        Map<Long, List<RunResult>> bySeed = new LinkedHashMap<>();
        for (RunResult r : runs) {
            bySeed.computeIfAbsent(r.seed() == null ? Long.MIN_VALUE : r.seed(), k -> new ArrayList<>()).add(r);
        }
        List<Comparison> perSeed = new ArrayList<>();
        for (List<RunResult> group : bySeed.values()) {
            perSeed.add(compareOneSeed(group, hasWarmup));
        }
        if (perSeed.size() == 1) {
            Comparison c = perSeed.get(0);
            return new Comparison(c.speedupVsFull(), c.speedupVsRandom(), c.accuracyDeltaVsFull(),
                    c.accuracyDeltaVsRandom(), c.backwardRatioVsFull(), c.timeToTargetVsRandom(),
                    c.timeToTargetVsFull(), 1, hasTarget ? paired(bySeed, "random", true) : null,
                    hasTarget ? paired(bySeed, "full", true) : null,
                    paired(bySeed, "random", false));
        }
        return new Comparison(median(perSeed, Comparison::speedupVsFull), median(perSeed, Comparison::speedupVsRandom),
                median(perSeed, Comparison::accuracyDeltaVsFull), median(perSeed, Comparison::accuracyDeltaVsRandom),
                median(perSeed, Comparison::backwardRatioVsFull), median(perSeed, Comparison::timeToTargetVsRandom),
                median(perSeed, Comparison::timeToTargetVsFull), perSeed.size(),
                hasTarget ? paired(bySeed, "random", true) : null, hasTarget ? paired(bySeed, "full", true) : null,
                paired(bySeed, "random", false));
    }

    private static Double median(List<Comparison> perSeed, Function<Comparison, Double> figure) {
        double[] v = perSeed.stream().map(figure).filter(d -> d != null).mapToDouble(Double::doubleValue).toArray();
        return v.length == 0 ? null : Spread.of(v).median();
    }

    /**
     * AST against a control, paired by seed: on time to target (a run that never reached it counts as
     * later than any that did; two that never reached it are left out) or on final accuracy. Null when
     * the control did not run.
     */
    private static PairedTest paired(Map<Long, List<RunResult>> bySeed, String control, boolean timeToTarget) {
        List<double[]> pairs = new ArrayList<>();
        for (List<RunResult> group : bySeed.values()) {
            RunResult ast = group.get(0);
            Optional<RunResult> other = group.stream().filter(r -> r.policy().equals(control)).findFirst();
            if (other.isEmpty()) {
                return null;
            }
            pairs.add(timeToTarget ? new double[] {time(ast), time(other.get())}
                    : new double[] {ast.finalAccuracy(), other.get().finalAccuracy()});
        }
        return PairedTest.of(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray(), timeToTarget);
    }

    private static double time(RunResult r) {
        return r.timeToTargetSeconds() == null ? Double.POSITIVE_INFINITY : r.timeToTargetSeconds();
    }

    /** The figures of one seed: AST (the group's first run) against the controls of the same seed. */
    private static Comparison compareOneSeed(List<RunResult> runs, boolean hasWarmup) {
        RunResult ast = runs.get(0);
        Optional<RunResult> full = runs.stream().filter(r -> r.policy().equals("full")).findFirst();
        Optional<RunResult> random = runs.stream().filter(r -> r.policy().equals("random")).findFirst();
        double astSeconds = ast.medianEpochSeconds(hasWarmup ? "ast" : null);
        if (Double.isNaN(astSeconds)) {
            astSeconds = ast.medianEpochSeconds(null);
        }
        double a = astSeconds;
        Double speedupVsFull = full.map(f -> ratio(f.medianEpochSeconds(null), a)).orElse(null);
        Double speedupVsRandom = random.map(r -> ratio(r.medianEpochSeconds(null), a)).orElse(null);
        Double accVsFull = full.map(f -> atEqualEpochs(ast, f)).orElse(null);
        Double accVsRandom = random.map(r -> atEqualEpochs(ast, r)).orElse(null);
        Double backward = full.map(f -> f.trainedSamples() == 0 ? null : (double) ast.trainedSamples() / f.trainedSamples())
                .orElse(null);
        Double tttRandom = random.map(r -> timeRatio(ast, r)).orElse(null);
        Double tttFull = full.map(f -> timeRatio(ast, f)).orElse(null);
        return new Comparison(speedupVsFull, speedupVsRandom, accVsFull, accVsRandom, backward, tttRandom, tttFull);
    }

    /** AST's time to the target accuracy over the control's, when both reached it. */
    private static Double timeRatio(RunResult ast, RunResult control) {
        if (ast.timeToTargetSeconds() == null || control.timeToTargetSeconds() == null) {
            return null;
        }
        return ratio(ast.timeToTargetSeconds(), control.timeToTargetSeconds());
    }

    private static Double ratio(double num, double den) {
        return den > 0 && Double.isFinite(num) ? num / den : null;
    }

    /** AST's accuracy minus the control's after the last epoch both finished. */
    private static Double atEqualEpochs(RunResult ast, RunResult control) {
        int k = Math.min(ast.epochs().size(), control.epochs().size());
        if (k == 0) {
            return null;
        }
        return ast.epochs().get(k - 1).testAccuracy() - control.epochs().get(k - 1).testAccuracy();
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
        m.put("seeds", cfg.seeds().stream().map(String::valueOf).toList());
        m.put("controls", cfg.controls().stream().map(Policy::id).toList());
        m.put("initialThreshold", cfg.initialThreshold());
        m.put("threads", cfg.threads());
        m.put("evalsPerEpoch", cfg.evalsPerEpoch());
        m.put("evalLimit", cfg.evalLimit());
        putIf(m, "targetAccuracy", cfg.targetAccuracy());
        ExperimentConfig.Thresholds t = cfg.thresholds();
        putIf(m, "minAccuracy", t.minAccuracy());
        putIf(m, "maxActivationError", t.maxActivationError());
        putIf(m, "minSavings", t.minSavings());
        putIf(m, "minSpeedup", t.minSpeedup());
        putIf(m, "maxAccuracyDropVsFull", t.maxAccuracyDropVsFull());
        putIf(m, "maxTimeToTargetVsRandom", t.maxTimeToTargetVsRandom());
        putIf(m, "maxTimeToTargetVsFull", t.maxTimeToTargetVsFull());
        putIf(m, "minSelectionLift", t.minSelectionLift());
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
