package org.adaptivesparse.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
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
 * The mutable state of one policy's run, trained one epoch per {@link #next()} by
 * {@link SparseTrainer.TrainingRun}: the loop of DJL's {@code EasyTrain} with selection around the step.
 */
final class PolicyRun {
    private final ExperimentConfig cfg;
    private final ProgressListener listener;
    private final Policy policy;
    private final Trainer trainer;
    private final TrainingTensors t;
    private final SelectionStrategy strategy;
    private final SplittableRandom shuffle;
    private final List<EpochMetrics> epochs = new ArrayList<>();
    private final List<EvalPoint> evaluations = new ArrayList<>();
    private final TraceRecorder trace;
    private final Progress progress = new Progress();
    private final LossMemory memory;
    private String diverged;
    private boolean started;

    PolicyRun(ExperimentConfig cfg, ProgressListener listener, Policy policy, Trainer trainer, TrainingTensors t) {
        this.cfg = cfg;
        this.listener = listener;
        this.shuffle = new SplittableRandom(cfg.seed());
        this.policy = policy;
        this.trainer = trainer;
        this.t = t;
        this.strategy = SelectionStrategies.create(policy, cfg, t.train(), this::inference, t.reference());
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
                .targetActivation(cfg.isSweep() && policy != Policy.FULL ? cfg.targetActivation() : null)
                .mislabelledShare(t.corrupted() == null || progress.trained == 0 ? null
                        : (double) progress.mislabelled / progress.trained)
                .oneTimeCost(policy == Policy.AST && t.reference() != null ? t.reference().cost() : null).build();
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
            for (long i : chosen) {
                progress.mislabelled += t.mislabelled(i) ? 1 : 0;
            }
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

    /** Each sample's loss under the model as trained so far, in the set's order. */
    float[] losses(ImageTensors set) {
        return TestEvaluation.perSampleLosses(set, this::inference);
    }

    private NDArray inference(NDArray images) {
        return trainer.evaluate(new NDList(images)).singletonOrThrow();
    }

    /** Work done since the start of the run, for the evaluation points. */
    private static final class Progress {
        private double seconds;
        private long scored;
        private long trained;
        /** Trained samples whose label synthetic noise changed. */
        private long mislabelled;
        private long steps;
    }
}
