package org.adaptivesparse.training;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.selection.BatchSelection;
import org.adaptivesparse.selection.EpochPlan;
import org.adaptivesparse.selection.SelectionStrategies;
import org.adaptivesparse.selection.SelectionStrategy;

/**
 * Trains one policy on one data split: the loop of DJL's {@code EasyTrain} with selection around the
 * step. Per batch the policy's {@link SelectionStrategy} chooses the samples (for {@code ast} after a
 * scoring forward pass, significance, the gate and the controller); the training forward, backward
 * and optimizer step then run on the gathered sub-batch only, and an {@link EpochAccumulator} records
 * what happened.
 *
 * <p>Every per-batch NDArray lives in a sub-manager closed at the end of the batch, so native memory
 * stays flat however long the run.
 */
public final class SparseTrainer {
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
        // DJL's default device: the GPU when a CUDA build of libtorch is on the class path and one is visible.
        Device device = engine.defaultDevice();
        try (Model model = Model.newInstance("ast-" + policy.id(), device, "PyTorch")) {
            model.setBlock(blockFactory.get());
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed((float) cfg.learningRate())).build())
                    .optDevices(new Device[] {device});
            try (Trainer trainer = model.newTrainer(tc);
                    NDManager dataManager = model.getNDManager().newSubManager()) {
                trainer.initialize(new Shape(1, data.train().channels(), data.train().height(), data.train().width()));
                return new Run(policy, trainer, TrainingTensors.of(dataManager, data)).execute();
            }
        }
    }

    /** The mutable state of one run. */
    private final class Run {
        private final Policy policy;
        private final Trainer trainer;
        private final TrainingTensors t;
        private final SelectionStrategy strategy;
        private final SplittableRandom shuffle = new SplittableRandom(cfg.seed());
        private final List<EpochMetrics> epochs = new ArrayList<>();
        private final TraceRecorder trace;

        Run(Policy policy, Trainer trainer, TrainingTensors t) {
            this.policy = policy;
            this.trainer = trainer;
            this.t = t;
            this.strategy = SelectionStrategies.create(policy, cfg, t.train(), this::inference);
            int batches = (t.train().size() + cfg.batchSize() - 1) / cfg.batchSize();
            this.trace = new TraceRecorder((long) cfg.epochs() * batches);
        }

        RunResult execute() {
            listener.runStarted(cfg.name(), policy.id(), cfg.epochs());
            String diverged = null;
            for (int epoch = 1; epoch <= cfg.epochs(); epoch++) {
                try {
                    EpochMetrics m = epoch(epoch);
                    epochs.add(m);
                    listener.epochFinished(cfg.name(), policy.id(), m, cfg.epochs());
                } catch (DivergedException e) {
                    diverged = e.getMessage();
                    listener.warn("[" + policy.id() + "] " + diverged + "; keeping the " + epochs.size()
                            + " finished epoch(s)");
                    break;
                }
            }
            RunResult r = new RunResult(policy.id(), policy == Policy.AST ? cfg.selection().id() : null, epochs,
                    trace.points(), trace.every(), diverged);
            listener.runFinished(cfg.name(), r);
            return r;
        }

        /** One epoch: the strategy plans it, then each batch is selected, trained and recorded. */
        private EpochMetrics epoch(int epoch) {
            int bs = cfg.batchSize();
            EpochAccumulator acc = new EpochAccumulator(new EnergyModel(cfg.energyActive(), cfg.energySkipped()));
            int[] order = permutation(t.train().size());
            long start = System.nanoTime();
            EpochPlan plan = strategy.startEpoch(epoch, order, bs);
            acc.planned(plan, System.nanoTime() - start);
            for (int from = 0, batchNo = 1; from < order.length; from += bs, batchNo++) {
                long[] batch = new long[Math.min(bs, order.length - from)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = order[from + i];
                }
                trainBatch(epoch, batchNo, batch, acc);
                listener.batchFinished(cfg.name(), policy.id(), epoch, cfg.epochs(), batchNo, (order.length + bs - 1) / bs);
            }
            double trainSeconds = (System.nanoTime() - start) / 1e9;
            long e0 = System.nanoTime();
            TestEvaluation eval = TestEvaluation.of(t.test(), this::inference);
            double evalSeconds = (System.nanoTime() - e0) / 1e9;
            return acc.metrics(epoch, plan.warmup() ? "warmup" : policy.id(), eval, trainSeconds, evalSeconds);
        }

        private void trainBatch(int epoch, int batchNo, long[] batch, EpochAccumulator acc) {
            // Closing the batch's manager frees its gathers, scores and logits now, not whenever the GC runs.
            try (NDManager bm = t.train().images().getManager().newSubManager()) {
                long s0 = System.nanoTime();
                BatchSelection selection = strategy.select(batch, bm);
                long[] chosen = selection.pick(batch);
                NDList data = t.train().gather(bm, chosen);
                long s1 = System.nanoTime();
                acc.selected(selection, s1 - s0);
                float loss = step(chosen, data);
                long stepNanos = System.nanoTime() - s1;
                if (!Float.isFinite(loss)) {
                    throw new DivergedException(epoch, batchNo, loss);
                }
                acc.stepped(batch.length, chosen.length, loss, stepNanos);
                trace.batch(epoch, (double) chosen.length / batch.length, selection, loss);
            }
        }

        /** Training forward, backward and optimizer step on the chosen samples; returns their mean loss. */
        private float step(long[] chosen, NDList data) {
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(data.get(0))).singletonOrThrow();
                NDArray l = trainer.getLoss().evaluate(new NDList(data.get(1)), new NDList(logits));
                gc.backward(l);
                loss = l.getFloat();
                strategy.trained(chosen, logits);
            }
            trainer.step();
            return loss;
        }

        private NDArray inference(NDArray images) {
            return trainer.evaluate(new NDList(images)).singletonOrThrow();
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
}
