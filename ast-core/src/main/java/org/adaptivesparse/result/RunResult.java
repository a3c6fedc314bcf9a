package org.adaptivesparse.result;

import java.util.List;
import org.adaptivesparse.config.Policy;

/**
 * One policy's run inside an experiment: per-epoch metrics and the per-batch trace.
 *
 * @param policy       AST or one of its controls (in JSON its id: {@code ast}, {@code full}, {@code random},
 *                     {@code random-batch} or {@code random-epoch})
 * @param selection    for {@code ast}: its selection mode ({@code fresh}, {@code stale}, ...); for the random
 *                     controls their sampling, {@code batch} or {@code epoch} (null in results before the
 *                     random controls named it); for {@code full} {@code null}
 * @param epochs       metrics of every finished epoch, in order
 * @param trace        down-sampled per-batch trace
 * @param traceEvery   the trace keeps every {@code traceEvery}-th batch
 * @param diverged     null, or the reason the run stopped early ("diverged at epoch 2, batch 17: loss NaN")
 * @param seed         the seed of the run: data order, selection randomness, initial weights (null in old results)
 * @param evaluations  every evaluation during the run, in order ({@code evalsPerEpoch} per epoch)
 * @param timeToTargetSeconds training-loop seconds up to the first evaluation at or above
 *                     {@code targetAccuracy}; null when not reached or no target was set
 * @param samplesToTarget trained samples up to it, null likewise
 * @param stepsToTarget optimizer steps up to it, null likewise
 * @param targetActivation in a sweep ({@code targets}), the activation target this run trained at; null
 *                     for {@code full}, outside a sweep and in results written before sweeps
 * @param mislabelledShare with synthetic label noise ({@code labelNoise}), the share of the samples this run
 *                     trained (over all epochs, repeats counted) whose label the noise changed; null without it
 * @param oneTimeCost  for {@code ast} with a reference-model mode ({@code reducible}, {@code filter}): what
 *                     building the reference model cost, once per seed, apart from this run's own figures;
 *                     null otherwise
 */
public record RunResult(Policy policy, String selection, List<EpochMetrics> epochs, List<TracePoint> trace,
        int traceEvery, String diverged, Long seed, List<EvalPoint> evaluations, Double timeToTargetSeconds,
        Long samplesToTarget, Long stepsToTarget, Double targetActivation, Double mislabelledShare,
        OneTimeCost oneTimeCost) {

    public RunResult {
        epochs = List.copyOf(epochs);
        trace = List.copyOf(trace);
        evaluations = List.copyOf(evaluations);
    }

    /** A run of {@code policy} to fill in, with no epochs, trace or evaluations yet. */
    public static Builder builder(Policy policy) {
        return new Builder(policy);
    }

    /** A builder holding every field of this run. */
    public Builder toBuilder() {
        return new Builder(policy).selection(selection).epochs(epochs).trace(trace, traceEvery).diverged(diverged)
                .seed(seed).evaluations(evaluations).toTarget(timeToTargetSeconds, samplesToTarget, stepsToTarget)
                .targetActivation(targetActivation).mislabelledShare(mislabelledShare).oneTimeCost(oneTimeCost);
    }

    /** A copy with the time to {@code target} taken from the evaluations; all null when not reached. */
    public RunResult withTarget(double target) {
        var hit = EvalPoint.firstReaching(evaluations, target);
        return toBuilder().toTarget(hit.map(EvalPoint::trainSeconds).orElse(null),
                hit.map(EvalPoint::trainedSamples).orElse(null), hit.map(EvalPoint::steps).orElse(null)).build();
    }

    /** A copy recording the activation target it trained at in a sweep (null: none). */
    public RunResult withTargetActivation(Double target) {
        return toBuilder().targetActivation(target).build();
    }

    /** Sets a {@link RunResult}'s fields by name; unset lists are empty, unset figures null. */
    public static final class Builder {
        private final Policy policy;
        private String selection;
        private List<EpochMetrics> epochs = List.of();
        private List<TracePoint> trace = List.of();
        private int traceEvery = 1;
        private String diverged;
        private Long seed;
        private List<EvalPoint> evaluations = List.of();
        private Double timeToTargetSeconds;
        private Long samplesToTarget;
        private Long stepsToTarget;
        private Double targetActivation;
        private Double mislabelledShare;
        private OneTimeCost oneTimeCost;

        private Builder(Policy policy) {
            this.policy = policy;
        }

        public Builder selection(String v) { selection = v; return this; }
        public Builder epochs(List<EpochMetrics> v) { epochs = v; return this; }
        /** The down-sampled trace, keeping every {@code every}-th batch. */
        public Builder trace(List<TracePoint> v, int every) { trace = v; traceEvery = every; return this; }
        public Builder diverged(String v) { diverged = v; return this; }
        public Builder seed(Long v) { seed = v; return this; }
        public Builder evaluations(List<EvalPoint> v) { evaluations = v; return this; }
        /** Training seconds, trained samples and optimizer steps to the target accuracy, null when not reached. */
        public Builder toTarget(Double seconds, Long samples, Long steps) {
            timeToTargetSeconds = seconds;
            samplesToTarget = samples;
            stepsToTarget = steps;
            return this;
        }
        public Builder targetActivation(Double v) { targetActivation = v; return this; }
        public Builder mislabelledShare(Double v) { mislabelledShare = v; return this; }
        public Builder oneTimeCost(OneTimeCost v) { oneTimeCost = v; return this; }

        public RunResult build() {
            return new RunResult(policy, selection, epochs, trace, traceEvery, diverged, seed, evaluations,
                    timeToTargetSeconds, samplesToTarget, stepsToTarget, targetActivation, mislabelledShare, oneTimeCost);
        }
    }

    /** Test accuracy after the last finished epoch, NaN when none finished. */
    public double finalAccuracy() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testAccuracy();
    }

    /** The selection lift of the last finished epoch, NaN when none finished or it was not measured. */
    public double finalSelectionLift() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).selectionLift();
    }

    /** {@link #mislabelledShare()} as a number, NaN without synthetic label noise. */
    public double mislabelled() {
        return mislabelledShare == null ? Double.NaN : mislabelledShare;
    }

    /**
     * {@link #timeToTargetSeconds()} with the reference model's one-time cost added, null when the
     * target was not reached; the plain time to target for runs without a one-time cost.
     */
    public Double timeToTargetWithOneTimeSeconds() {
        return timeToTargetSeconds == null ? null
                : timeToTargetSeconds + (oneTimeCost == null ? 0 : oneTimeCost.seconds());
    }

    /** {@link #stepsToTarget()} with the reference model's training steps added, likewise. */
    public Long stepsToTargetWithOneTime() {
        return stepsToTarget == null ? null : stepsToTarget + (oneTimeCost == null ? 0 : oneTimeCost.steps());
    }

    /** Test loss after the last finished epoch, NaN when none finished. */
    public double finalTestLoss() {
        return epochs.isEmpty() ? Double.NaN : epochs.get(epochs.size() - 1).testLoss();
    }

    /** Sum of the training-loop seconds over all epochs. */
    public double totalTrainSeconds() {
        return epochs.stream().mapToDouble(EpochMetrics::trainSeconds).sum();
    }

    /**
     * Median of the per-epoch training-loop seconds, over all epochs or, with {@code afterWarmup}, over
     * the epochs after the full-training warmup (AST's own).
     */
    public double medianEpochSeconds(boolean afterWarmup) {
        double[] s = epochs.stream().filter(e -> !afterWarmup || !e.isWarmup())
                .mapToDouble(EpochMetrics::trainSeconds).sorted().toArray();
        if (s.length == 0) {
            return Double.NaN;
        }
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Samples that got a training forward and backward pass, over the whole run. */
    public long trainedSamples() {
        return epochs.stream().mapToLong(EpochMetrics::trainedSamples).sum();
    }

    /** Samples seen, over the whole run. */
    public long samples() {
        return epochs.stream().mapToLong(EpochMetrics::samples).sum();
    }

    /** Trained / seen over the whole run. */
    public double activationRate() {
        long s = samples();
        return s == 0 ? Double.NaN : (double) trainedSamples() / s;
    }

    /**
     * Modeled energy savings over the whole run, weighted by samples (every epoch has the same
     * baseline cost per sample, so the sample-weighted mean of the epoch savings is exact).
     */
    public double modeledSavings() {
        long s = samples();
        if (s == 0) {
            return Double.NaN;
        }
        return epochs.stream().mapToDouble(e -> e.modeledSavings() * e.samples()).sum() / s;
    }

}
