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
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.EvalPoint;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.selection.BatchSelection;
import org.adaptivesparse.selection.EpochPlan;
import org.adaptivesparse.selection.ImageTensors;
import org.adaptivesparse.selection.Permutations;
import org.adaptivesparse.selection.SelectionStrategies;
import org.adaptivesparse.selection.SelectionStrategy;
import org.adaptivesparse.selection.Significance;

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

    /** Trains a fresh model with the given policy, all epochs in a row. */
    public RunResult train(Policy policy, DataSplit data, Supplier<Block> blockFactory) {
        try (NDManager manager = NDManager.newBaseManager(Engine.getEngine("PyTorch").defaultDevice());
                TrainingRun run = start(policy, TrainingTensors.of(manager, data, cfg.evalLimit(), cfg.seed()), blockFactory)) {
            while (run.next()) {
                // one epoch per call
            }
            return run.result();
        }
    }

    /**
     * Starts a run that trains one epoch per {@link TrainingRun#next()}, so an experiment can run its
     * policies interleaved, an epoch of each in turn. The engine's random seed is set before the block
     * is initialised, so every policy of an experiment starts from the same weights.
     */
    public TrainingRun start(Policy policy, TrainingTensors tensors, Supplier<Block> blockFactory) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) cfg.seed());
        // DJL's default device: the GPU when a CUDA build of libtorch is on the class path and one is visible.
        Device device = engine.defaultDevice();
        Model model = Model.newInstance("ast-" + policy.id(), device, "PyTorch");
        try {
            model.setBlock(blockFactory.get());
            DefaultTrainingConfig tc = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(LearningRates.tracker(cfg, stepsPerEpoch(tensors))).build())
                    .optDevices(new Device[] {device});
            Trainer trainer = model.newTrainer(tc);
            ImageTensors train = tensors.train();
            trainer.initialize(new Shape(1, train.images().getShape().get(1), train.images().getShape().get(2),
                    train.images().getShape().get(3)));
            return new TrainingRun(model, trainer, new Run(policy, trainer, tensors));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    private int stepsPerEpoch(TrainingTensors tensors) {
        return (tensors.train().size() + cfg.batchSize() - 1) / cfg.batchSize();
    }

    /** A run in progress: one epoch per {@link #next()}; closing it frees the model. */
    public static final class TrainingRun implements AutoCloseable {
        private final Model model;
        private final Trainer trainer;
        private final Run run;

        private TrainingRun(Model model, Trainer trainer, Run run) {
            this.model = model;
            this.trainer = trainer;
            this.run = run;
        }

        /** Trains the next epoch; false when the run is over (all epochs done, or diverged). */
        public boolean next() {
            return run.next();
        }

        /** What the run did so far. */
        public RunResult result() {
            return run.result();
        }

        @Override
        public void close() {
            trainer.close();
            model.close();
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
        private final List<EvalPoint> evaluations = new ArrayList<>();
        private final TraceRecorder trace;
        private final Progress progress = new Progress();
        private final LossMemory memory;
        private String diverged;
        private boolean started;

        Run(Policy policy, Trainer trainer, TrainingTensors t) {
            this.policy = policy;
            this.trainer = trainer;
            this.t = t;
            this.strategy = SelectionStrategies.create(policy, cfg, t.train(), this::inference);
            int batches = (t.train().size() + cfg.batchSize() - 1) / cfg.batchSize();
            this.trace = new TraceRecorder((long) cfg.epochs() * batches);
            this.memory = new LossMemory(t.train());
        }

        boolean next() {
            if (!started) {
                started = true;
                listener.runStarted(cfg.name(), label(), cfg.epochs());
            }
            if (diverged != null || epochs.size() >= cfg.epochs()) {
                return false;
            }
            int epoch = epochs.size() + 1;
            try {
                EpochMetrics m = epoch(epoch);
                epochs.add(m);
                listener.epochFinished(cfg.name(), label(), m, cfg.epochs());
            } catch (DivergedException e) {
                diverged = e.getMessage();
                listener.warn("[" + label() + "] " + diverged + "; keeping the " + epochs.size()
                        + " finished epoch(s)");
            }
            boolean more = diverged == null && epochs.size() < cfg.epochs();
            if (!more) {
                listener.runFinished(cfg.name(), result());
            }
            return more;
        }

        /** The policy as progress lines name it: in a sweep, with the point's target ({@code ast@10%}). */
        private String label() {
            return cfg.isSweep() && policy != Policy.FULL
                    ? ExperimentResult.pointName(policy.id(), cfg.targetActivation()) : policy.id();
        }

        RunResult result() {
            String selection = policy == Policy.AST ? cfg.selection().id() : policy.sampling(cfg.randomSampling());
            RunResult r = RunResult.builder(policy).selection(selection).epochs(epochs)
                    .trace(trace.points(), trace.every()).diverged(diverged).seed(cfg.seed()).evaluations(evaluations)
                    .targetActivation(cfg.isSweep() && policy != Policy.FULL ? cfg.targetActivation() : null).build();
            return cfg.targetAccuracy() == null ? r : r.withTarget(cfg.targetAccuracy());
        }

        /**
         * One epoch: the strategy plans it, then each batch is selected, trained and recorded, with
         * {@code evalsPerEpoch - 1} evaluations on the evaluation subset at evenly spaced batches and one
         * on the whole test set at the end. Evaluation time is kept out of the training time.
         */
        private EpochMetrics epoch(int epoch) {
            int bs = cfg.batchSize();
            EpochAccumulator acc = new EpochAccumulator(new EnergyModel(cfg.energyActive(), cfg.energySkipped()));
            int[] order = Permutations.shuffled(t.train().size(), shuffle);
            int batches = (order.length + bs - 1) / bs;
            long start = System.nanoTime();
            EpochPlan plan = strategy.startEpoch(epoch, order, bs);
            acc.planned(plan, System.nanoTime() - start);
            progress.scored += plan.scored();
            long evalNanos = 0;
            int nextEval = 1;
            for (int from = 0, batchNo = 1; from < order.length; from += bs, batchNo++) {
                long[] batch = new long[Math.min(bs, order.length - from)];
                for (int i = 0; i < batch.length; i++) {
                    batch[i] = order[from + i];
                }
                trainBatch(epoch, batchNo, batch, acc);
                listener.batchFinished(cfg.name(), label(), epoch, cfg.epochs(), batchNo, batches);
                if (nextEval < cfg.evalsPerEpoch() && batchNo == evalBatch(nextEval, batches)) {
                    long e0 = System.nanoTime();
                    progress.seconds = (e0 - start - evalNanos) / 1e9 + trainedSecondsBefore();
                    evaluate(epoch, batchNo, t.evalSubset());
                    evalNanos += System.nanoTime() - e0;
                    nextEval++;
                }
            }
            double trainSeconds = (System.nanoTime() - start - evalNanos) / 1e9;
            progress.seconds = trainedSecondsBefore() + trainSeconds;
            long e0 = System.nanoTime();
            TestEvaluation eval = evaluate(epoch, batches, t.test());
            double evalSeconds = (System.nanoTime() - e0 + evalNanos) / 1e9;
            return acc.metrics(epoch, plan.warmup() ? "warmup" : policy.id(), eval, trainSeconds, evalSeconds);
        }

        /** The batch after which the {@code i}-th of {@code evalsPerEpoch} evaluations is taken. */
        private int evalBatch(int i, int batches) {
            return Math.max(1, (int) Math.round((double) i * batches / cfg.evalsPerEpoch()));
        }

        private double trainedSecondsBefore() {
            return epochs.stream().mapToDouble(EpochMetrics::trainSeconds).sum();
        }

        private TestEvaluation evaluate(int epoch, int batch, ImageTensors set) {
            TestEvaluation eval = TestEvaluation.of(set, this::inference);
            evaluations.add(new EvalPoint(epoch, batch, progress.seconds, progress.scored, progress.trained,
                    progress.steps, eval.accuracy(), set.size()));
            return eval;
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
                acc.lift(selection.scores() != null ? selection.scores() : memory.of(batch), selection.active());
                progress.scored += selection.scored();
                float loss = step(chosen, data, selection.weights() == null ? null : bm.create(selection.weights()));
                long stepNanos = System.nanoTime() - s1;
                if (!Float.isFinite(loss)) {
                    throw new DivergedException(epoch, batchNo, loss);
                }
                acc.stepped(batch.length, chosen.length, loss, stepNanos);
                progress.trained += chosen.length;
                progress.steps++;
                trace.batch(epoch, (double) chosen.length / batch.length, selection, loss);
            }
        }

        /**
         * Training forward, backward and optimizer step on the chosen samples; returns their mean loss,
         * weighted by {@code weights} (one per sample, mean 1) when the strategy gave any.
         */
        private float step(long[] chosen, NDList data, NDArray weights) {
            float loss;
            try (GradientCollector gc = trainer.newGradientCollector()) {
                NDArray logits = trainer.forward(new NDList(data.get(0))).singletonOrThrow();
                NDArray l = weights == null ? trainer.getLoss().evaluate(new NDList(data.get(1)), new NDList(logits))
                        : Significance.perSampleLoss(logits, data.get(1)).mul(weights).mean();
                gc.backward(l);
                loss = l.getFloat();
                strategy.trained(chosen, logits);
                memory.remember(chosen, logits);
            }
            trainer.step();
            return loss;
        }

        private NDArray inference(NDArray images) {
            return trainer.evaluate(new NDList(images)).singletonOrThrow();
        }

        /** Work done since the start of the run, for the evaluation points. */
        private static final class Progress {
            private double seconds;
            private long scored;
            private long trained;
            private long steps;
        }
    }
}
