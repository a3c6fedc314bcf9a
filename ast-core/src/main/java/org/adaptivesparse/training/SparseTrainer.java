package org.adaptivesparse.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.SelectionMode;
import org.adaptivesparse.control.PiController;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.ImageSet;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.TracePoint;
import org.adaptivesparse.selection.Gate;
import org.adaptivesparse.selection.Significance;

/**
 * Trains one policy on one data split: the loop of DJL's {@code EasyTrain} with selection around the
 * step. Per batch, for {@code ast}: a scoring forward in inference mode, significance, the gate,
 * then a training forward, backward and optimizer step on the gathered active sub-batch only. The
 * controller moves the threshold once per batch on that batch's own rate.
 *
 * <p>Every per-batch NDArray lives in a sub-manager closed at the end of the batch, so native memory
 * stays flat however long the run.
 */
public final class SparseTrainer {
    /** Keep at most about this many trace points per run. */
    static final int TRACE_POINTS = 400;
    static final int EVAL_BATCH = 256;

    private final ExperimentConfig cfg;
    private final ProgressListener listener;

    public SparseTrainer(ExperimentConfig cfg, ProgressListener listener) {
        this.cfg = cfg;
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /**
     * Trains a fresh model with the given policy. The engine's random seed is set before the block
     * is initialised, so every policy of an experiment starts from the same weights.
     */
    public RunResult train(Policy policy, DataSplit data, Supplier<Block> blockFactory) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) cfg.seed());
        ImageSet train = data.train();
        // DJL's default device: the GPU when a CUDA build of libtorch is on the class path and one is visible.
        Device device = engine.defaultDevice();
        try (Model model = Model.newInstance("ast-" + policy.id(), device, "PyTorch")) {
            model.setBlock(blockFactory.get());
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) cfg.learningRate())).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(tc);
                    NDManager dataManager = model.getNDManager().newSubManager()) {
                trainer.initialize(new Shape(1, train.channels(), train.height(), train.width()));
                Tensors tensors = Tensors.of(dataManager, data);
                return new Run(policy, trainer, tensors).execute();
            }
        }
    }

    /** The split's images and labels copied once into NDArrays. */
    record Tensors(NDArray trainX, NDArray trainY, NDArray testX, NDArray testY, int trainSize, int testSize,
            int[] labels, int classes) {
        static Tensors of(NDManager m, DataSplit d) {
            return new Tensors(images(m, d.train()), labels(m, d.train()), images(m, d.test()), labels(m, d.test()),
                    d.train().size(), d.test().size(), d.train().labels(), d.train().classes());
        }

        /** Each training image's pixel spread, computed once: it never changes, so no batch recomputes it. */
        float[] pixelStds() {
            int n = trainSize;
            float[] out = new float[n];
            for (int from = 0; from < n; from += EVAL_BATCH) {
                int to = Math.min(n, from + EVAL_BATCH);
                try (NDManager bm = trainX.getManager().newSubManager()) {
                    float[] s = Significance.pixelStd(trainX.get(bm, new NDIndex("{}:{}", from, to))).toFloatArray();
                    System.arraycopy(s, 0, out, from, s.length);
                }
            }
            return out;
        }

        private static NDArray images(NDManager m, ImageSet s) {
            return m.create(s.pixels(), new Shape(s.size(), s.channels(), s.height(), s.width()));
        }

        private static NDArray labels(NDManager m, ImageSet s) {
            long[] l = new long[s.size()];
            int[] src = s.labels();
            for (int i = 0; i < l.length; i++) {
                l[i] = src[i];
            }
            return m.create(l);
        }
    }

    /** The mutable state of one run. */
    private final class Run {
        private final Policy policy;
        private final Trainer trainer;
        private final Tensors t;
        private final Significance significance = new Significance(cfg.lossWeight(), cfg.stdWeight());
        private final PiController controller = new PiController(cfg.targetActivation(), cfg.kp(), cfg.ki(),
                cfg.emaAlpha(), cfg.initialThreshold());
        private final Gate gate;
        private final SplittableRandom shuffle;
        private final SplittableRandom randomPolicy;
        private final StaleScores stale;
        /** Fresh AST only: the pixel spread of every training image, computed once (it never changes). */
        private final NDArray stds;
        private final List<EpochMetrics> epochs = new ArrayList<>();
        private final List<TracePoint> trace = new ArrayList<>();
        private final int traceEvery;
        private long globalBatch;

        Run(Policy policy, Trainer trainer, Tensors t) {
            this.policy = policy;
            this.trainer = trainer;
            this.t = t;
            this.gate = new Gate(cfg.gate(), cfg.seed() * 31 + 1);
            this.shuffle = new SplittableRandom(cfg.seed());
            this.randomPolicy = new SplittableRandom(cfg.seed() * 31 + 2);
            boolean isStale = policy == Policy.AST && cfg.selection() == SelectionMode.STALE;
            this.stale = isStale ? new StaleScores(t, cfg, new SplittableRandom(cfg.seed() * 31 + 3)) : null;
            this.stds = policy == Policy.AST && !isStale ? t.trainX().getManager().create(t.pixelStds()) : null;
            long batches = (long) cfg.epochs() * ((t.trainSize() + cfg.batchSize() - 1) / cfg.batchSize());
            this.traceEvery = (int) Math.max(1, (batches + TRACE_POINTS - 1) / TRACE_POINTS);
        }

        RunResult execute() {
            listener.runStarted(cfg.name(), policy.id(), cfg.epochs());
            String diverged = null;
            for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
                boolean warmup = policy == Policy.AST && epoch <= cfg.warmupEpochs();
                if (policy == Policy.AST && epoch == cfg.warmupEpochs() + 1 && cfg.warmupEpochs() > 0) {
                    controller.reset();
                }
                try {
                    EpochMetrics m = epoch(epoch, warmup);
                    epochs.add(m);
                    listener.epochFinished(cfg.name(), policy.id(), m, cfg.epochs());
                } catch (DivergedException e) {
                    diverged = e.getMessage();
                    listener.warn("[" + policy.id() + "] " + diverged + "; keeping the " + epochs.size()
                            + " finished epoch(s)");
                    break;
                }
            }
            RunResult r = new RunResult(policy.id(), policy == Policy.AST ? cfg.selection().id() : null, epochs, trace,
                    traceEvery, diverged);
            listener.runFinished(cfg.name(), r);
            return r;
        }

        private EpochMetrics epoch(int epoch, boolean warmup) {
            int n = t.trainSize();
            int bs = cfg.batchSize();
            int[] order = permutation(n);
            EnergyModel energy = new EnergyModel(cfg.energyActive(), cfg.energySkipped());
            long samples = 0;
            long scored = 0;
            long trained = 0;
            long steps = 0;
            double lossSum = 0;
            long lossCount = 0;
            double thrMin = Double.POSITIVE_INFINITY;
            double thrMax = Double.NEGATIVE_INFINITY;
            long scoringNs = 0;
            long selectNs = 0;
            long stepNs = 0;
            boolean gated = policy != Policy.FULL && !warmup;
            long start = System.nanoTime();
            if (gated && stale != null && stale.refreshDue(epoch - cfg.warmupEpochs())) {
                long s0 = System.nanoTime();
                stale.refresh(trainer);
                scoringNs += System.nanoTime() - s0;
                scored += n;
            }
            if (gated && stale != null) {
                long s0 = System.nanoTime();
                stale.planEpoch(order, bs);
                selectNs += System.nanoTime() - s0;
            }
            int batchNo = 0;
            for (int from = 0; from < n; from += bs) {
                batchNo++;
                int size = Math.min(bs, n - from);
                long[] batchIdx = new long[size];
                for (int i = 0; i < size; i++) {
                    batchIdx[i] = order[from + i];
                }
                try (NDManager bm = t.trainX().getManager().newSubManager()) {
                    long s0 = System.nanoTime();
                    int[] active;
                    if (!gated) {
                        active = null;
                    } else if (policy == Policy.RANDOM) {
                        int k = (int) Math.max(1, Math.round(cfg.targetActivation() * size));
                        active = Gate.randomSubset(randomPolicy, size, Math.min(k, size));
                    } else if (stale != null) {
                        active = stale.select(batchIdx).active();
                    } else {
                        // Scoring stays in NDArray operations: one gather, one inference forward, the
                        // per-sample loss and significance vectorised, one copy of B floats out for the gate.
                        NDArray idx = bm.create(batchIdx);
                        NDArray x = t.trainX().get(bm, new NDIndex("{}", idx));
                        NDArray y = t.trainY().get(bm, new NDIndex("{}", idx));
                        NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                        NDArray losses = Significance.perSampleLoss(logits, y);
                        long s1 = System.nanoTime();
                        scoringNs += s1 - s0;
                        scored += size;
                        NDArray spread = stds.get(bm, new NDIndex("{}", idx));
                        float[] sig = significance.score(losses, spread).toFloatArray();
                        active = gate.select(sig, controller.threshold()).active();
                        s0 = s1;
                    }
                    int activeCount = active == null ? size : active.length;
                    double threshold = Double.NaN;
                    double ema = Double.NaN;
                    if (policy == Policy.AST && gated && stale == null) {
                        threshold = controller.update((double) activeCount / size);
                        ema = controller.ema();
                        thrMin = Math.min(thrMin, threshold);
                        thrMax = Math.max(thrMax, threshold);
                    }
                    long[] trainIdx = batchIdx;
                    if (active != null) {
                        trainIdx = new long[active.length];
                        for (int i = 0; i < active.length; i++) {
                            trainIdx[i] = batchIdx[active[i]];
                        }
                    }
                    long[] labels = new long[trainIdx.length];
                    for (int i = 0; i < trainIdx.length; i++) {
                        labels[i] = t.labels()[(int) trainIdx[i]];
                    }
                    NDArray xa = t.trainX().get(bm, new NDIndex("{}", bm.create(trainIdx)));
                    NDArray ya = bm.create(labels);
                    long s2 = System.nanoTime();
                    selectNs += s2 - s0;

                    float loss;
                    try (GradientCollector gc = trainer.newGradientCollector()) {
                        NDArray logits = trainer.forward(new NDList(xa)).singletonOrThrow();
                        NDArray l = trainer.getLoss().evaluate(new NDList(ya), new NDList(logits));
                        gc.backward(l);
                        loss = l.getFloat();
                        if (stale != null && gated) {
                            float[] seen = new float[trainIdx.length];
                            Significance.perSampleLoss(logits.stopGradient().toFloatArray(), t.classes(), t.labels(),
                                    trainIdx, seen);
                            stale.remember(trainIdx, seen);
                        }
                    }
                    trainer.step();
                    stepNs += System.nanoTime() - s2;
                    if (!Float.isFinite(loss)) {
                        throw new DivergedException("diverged at epoch " + epoch + ", batch " + batchNo + ": loss "
                                + loss);
                    }
                    samples += size;
                    trained += activeCount;
                    steps++;
                    lossSum += (double) loss * activeCount;
                    lossCount += activeCount;
                    energy.add(size, activeCount);
                    if (globalBatch % traceEvery == 0) {
                        trace.add(new TracePoint(globalBatch, epoch, (double) activeCount / size, ema, threshold, loss));
                    }
                    globalBatch++;
                }
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            long e0 = System.nanoTime();
            double[] eval = evaluate();
            double evalSeconds = (System.nanoTime() - e0) / 1e9;
            boolean hasThreshold = thrMin <= thrMax;
            return new EpochMetrics(epoch, warmup ? "warmup" : policy.id(), lossSum / Math.max(1, lossCount), eval[0],
                    eval[1], (double) trained / samples, hasThreshold ? controller.threshold() : Double.NaN,
                    hasThreshold ? thrMin : Double.NaN, hasThreshold ? thrMax : Double.NaN, energy.savings(),
                    trainSeconds, scoringNs / 1e9, selectNs / 1e9, stepNs / 1e9, evalSeconds, samples, scored,
                    trained, steps);
        }

        /** Test accuracy and mean test loss, in inference mode. */
        private double[] evaluate() {
            long correct = 0;
            double lossSum = 0;
            int n = t.testSize();
            for (int from = 0; from < n; from += EVAL_BATCH) {
                int to = Math.min(n, from + EVAL_BATCH);
                try (NDManager bm = t.testX().getManager().newSubManager()) {
                    NDArray x = t.testX().get(bm, new NDIndex("{}:{}", from, to));
                    NDArray y = t.testY().get(bm, new NDIndex("{}:{}", from, to));
                    NDArray logits = trainer.evaluate(new NDList(x)).singletonOrThrow();
                    correct += logits.argMax(1).eq(y).sum().getLong();
                    lossSum += Significance.perSampleLoss(logits, y).sum().getFloat();
                }
            }
            return new double[] {(double) correct / n, lossSum / n};
        }

        private int[] permutation(int n) {
            int[] p = new int[n];
            for (int i = 0; i < n; i++) {
                p[i] = i;
            }
            for (int i = n - 1; i > 0; i--) {
                int j = shuffle.nextInt(i + 1);
                int tmp = p[i];
                p[i] = p[j];
                p[j] = tmp;
            }
            return p;
        }
    }

    /** The loss turned NaN or infinite; the run keeps the epochs finished before. */
    static final class DivergedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DivergedException(String message) {
            super(message);
        }
    }
}
