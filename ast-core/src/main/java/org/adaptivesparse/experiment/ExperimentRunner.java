package org.adaptivesparse.experiment;

import ai.djl.nn.Block;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataRequest;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.Datasets;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.model.Models;
import org.adaptivesparse.result.Comparison;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.training.LibtorchThreads;
import org.adaptivesparse.training.ProgressListener;
import org.adaptivesparse.training.SparseTrainer;
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
        SparseTrainer trainer = new SparseTrainer(cfg, listener);
        warmUp(cfg, data, blocks);
        List<RunResult> runs = new ArrayList<>();
        runs.add(trainer.train(Policy.AST, data, blocks));
        for (Policy control : cfg.controls()) {
            runs.add(trainer.train(control, data, blocks));
        }
        Map<String, Object> configuration = displayConfiguration(cfg);
        configuration.put(BlowUpCheck.CLASSES, data.train().classes());
        return new ExperimentResult(ExperimentResult.SCHEMA_VERSION, cfg.name(), cfg.description(), startedAt,
                cfg.comparableSettings(), configuration, Environment.capture(), runs,
                compare(runs, cfg.warmupEpochs() > 0), null);
    }

    /**
     * Trains a throwaway model on a few batches so that class loading, JIT and libtorch's first-call
     * costs land before the first timed epoch instead of on whichever policy happens to run first.
     */
    private void warmUp(ExperimentConfig cfg, DataSplit data, Supplier<Block> blocks) {
        int n = Math.min(data.train().size(), WARMUP_BATCHES * cfg.batchSize());
        ExperimentConfig warm = cfg.toBuilder().epochs(1).warmupEpochs(0).controls(List.of()).build();
        DataSplit small = new DataSplit(data.train().limit(n), data.test().limit(cfg.batchSize()));
        new SparseTrainer(warm, ProgressListener.NONE).train(Policy.FULL, small, blocks);
    }

    /** The data {@code cfg} trains on, in the data package's terms: its supplier, or its named dataset. */
    static DataRequest dataRequest(ExperimentConfig cfg) {
        return new DataRequest(cfg.dataset(), cfg.dataDir(), cfg.cacheDir(), cfg.allowDownload(), cfg.limit(),
                cfg.testLimit(), cfg.seed(), cfg.dataSupplier());
    }

    static Supplier<Block> blockFactory(ExperimentConfig cfg, ImageSet shape) {
        if (cfg.blockFactory() != null) {
            return cfg.blockFactory();
        }
        return () -> Models.build(cfg.model(), shape.channels(), shape.height(), shape.width(), shape.classes());
    }

    /** The measured comparison; AST's epoch time is the median over its epochs after warmup. */
    static Comparison compare(List<RunResult> runs, boolean hasWarmup) {
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
        return new Comparison(speedupVsFull, speedupVsRandom, accVsFull, accVsRandom, backward);
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
        m.put("controls", cfg.controls().stream().map(Policy::id).toList());
        m.put("initialThreshold", cfg.initialThreshold());
        m.put("threads", cfg.threads());
        ExperimentConfig.Thresholds t = cfg.thresholds();
        putIf(m, "minAccuracy", t.minAccuracy());
        putIf(m, "maxActivationError", t.maxActivationError());
        putIf(m, "minSavings", t.minSavings());
        putIf(m, "minSpeedup", t.minSpeedup());
        putIf(m, "maxAccuracyDropVsFull", t.maxAccuracyDropVsFull());
        if (cfg.baselineFile() != null) {
            m.put("baselineFile", cfg.baselineFile().toString());
            m.put("maxAccuracyDrop", cfg.maxAccuracyDrop());
            m.put("maxSavingsDrop", cfg.maxSavingsDrop());
            m.put("maxSpeedupDrop", cfg.maxSpeedupDrop());
        }
        return m;
    }

    private static void putIf(Map<String, Object> m, String k, Object v) {
        if (v != null) {
            m.put(k, v);
        }
    }
}
