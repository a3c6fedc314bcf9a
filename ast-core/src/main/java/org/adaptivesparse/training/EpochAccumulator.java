package org.adaptivesparse.training;

import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.selection.BatchSelection;
import org.adaptivesparse.selection.EpochPlan;

/**
 * Collects one epoch's counts, losses, thresholds and time split as the loop reports each step, and
 * turns them into {@link EpochMetrics}. Times are split the way {@code EpochMetrics} documents them:
 * the scoring forward passes a strategy reports, the rest of selection and gathering, and the step.
 */
final class EpochAccumulator {
    private final EnergyModel energy;
    private long samples;
    private long scored;
    private long trained;
    private long steps;
    private double lossSum;
    private long lossCount;
    private double thresholdMin = Double.POSITIVE_INFINITY;
    private double thresholdMax = Double.NEGATIVE_INFINITY;
    private double thresholdEnd = Double.NaN;
    private long scoringNanos;
    private long selectNanos;
    private long stepNanos;
    private double chosenLoss;
    private long chosenCount;
    private double candidateLoss;
    private long candidateCount;

    EpochAccumulator(EnergyModel energy) {
        this.energy = energy;
    }

    /** The strategy's epoch planning, which took {@code nanos} in all. */
    void planned(EpochPlan plan, long nanos) {
        scored += plan.scored();
        scoringNanos += plan.scoringNanos();
        selectNanos += nanos - plan.scoringNanos();
    }

    /** A batch's selection and the gather of its samples, which took {@code nanos} in all. */
    void selected(BatchSelection selection, long nanos) {
        scored += selection.scored();
        scoringNanos += selection.scoringNanos();
        selectNanos += nanos - selection.scoringNanos();
        if (selection.controlled()) {
            thresholdEnd = selection.threshold();
            thresholdMin = Math.min(thresholdMin, thresholdEnd);
            thresholdMax = Math.max(thresholdMax, thresholdEnd);
        }
    }

    /** A finished step: {@code active} of a batch of {@code size} trained at mean loss {@code loss}. */
    void stepped(int size, int active, float loss, long nanos) {
        stepNanos += nanos;
        samples += size;
        trained += active;
        steps++;
        lossSum += (double) loss * active;
        lossCount += active;
        energy.add(size, active);
    }

    /**
     * One batch's losses for the selection lift: those of the samples chosen and of every candidate,
     * NaN entries (samples never seen) left out.
     */
    void lift(float[] candidates, int[] active) {
        double batchLoss = 0;
        long batchCount = 0;
        for (float c : candidates) {
            if (!Float.isNaN(c)) {
                batchLoss += c;
                batchCount++;
            }
        }
        candidateLoss += batchLoss;
        candidateCount += batchCount;
        if (active == null) {
            chosenLoss += batchLoss;
            chosenCount += batchCount;
            return;
        }
        for (int i : active) {
            if (!Float.isNaN(candidates[i])) {
                chosenLoss += candidates[i];
                chosenCount++;
            }
        }
    }

    private double selectionLift() {
        if (chosenCount == 0 || candidateCount == 0 || candidateLoss <= 0) {
            return Double.NaN;
        }
        return (chosenLoss / chosenCount) / (candidateLoss / candidateCount);
    }

    EpochMetrics metrics(int epoch, String phase, TestEvaluation eval, double trainSeconds, double evalSeconds) {
        boolean hasThreshold = thresholdMin <= thresholdMax;
        return new EpochMetrics(epoch, phase, lossSum / Math.max(1, lossCount), eval.accuracy(), eval.loss(),
                (double) trained / samples, hasThreshold ? thresholdEnd : Double.NaN,
                hasThreshold ? thresholdMin : Double.NaN, hasThreshold ? thresholdMax : Double.NaN, energy.savings(),
                trainSeconds, scoringNanos / 1e9, selectNanos / 1e9, stepNanos / 1e9, evalSeconds, samples, scored,
                trained, steps, selectionLift());
    }
}
