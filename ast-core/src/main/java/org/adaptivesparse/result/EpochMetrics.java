package org.adaptivesparse.result;

/**
 * What one epoch of one policy measured. Seconds are wall-clock; energy is modeled (see
 * {@code EnergyModel}), never measured.
 *
 * @param epoch             1-based epoch number
 * @param phase             {@code warmup} (full training before AST starts) or the policy's id
 * @param trainLoss         mean training loss over the samples that were trained
 * @param testAccuracy      accuracy on the test set after the epoch
 * @param testLoss          mean cross-entropy on the test set after the epoch
 * @param activationRate    trained samples / samples seen (fallback samples count as trained)
 * @param thresholdEnd      gate threshold at the end of the epoch (NaN for policies without a gate)
 * @param thresholdMin      lowest threshold during the epoch
 * @param thresholdMax      highest threshold during the epoch
 * @param modeledSavings    modeled energy savings of this epoch, 1 - actual / baseline
 * @param trainSeconds      wall-clock of the training loop (scoring, selection, steps)
 * @param scoringSeconds    part of {@code trainSeconds} spent in the scoring forward pass
 * @param selectSeconds     part spent in significance, gate, controller and gather
 * @param stepSeconds       part spent in the training forward, backward and optimizer step
 * @param evalSeconds       wall-clock of the test-set evaluation (not in {@code trainSeconds})
 * @param samples           samples seen in the epoch
 * @param scoredSamples     samples that went through a scoring forward pass
 * @param trainedSamples    samples that went through a training forward and backward pass
 * @param optimizerSteps    optimizer steps taken
 * @param selectionLift     what the selection does: mean loss of the samples trained / mean loss of the
 *                          samples it could have trained (the batch's fresh scores for fresh AST, else each
 *                          sample's loss from its last training forward pass, over samples seen before);
 *                          1 for full, about 1 for random, above 1 when selection prefers high losses; NaN
 *                          when unknown (old results, or no sample seen before)
 */
public record EpochMetrics(
        int epoch,
        String phase,
        double trainLoss,
        double testAccuracy,
        double testLoss,
        double activationRate,
        double thresholdEnd,
        double thresholdMin,
        double thresholdMax,
        double modeledSavings,
        double trainSeconds,
        double scoringSeconds,
        double selectSeconds,
        double stepSeconds,
        double evalSeconds,
        long samples,
        long scoredSamples,
        long trainedSamples,
        long optimizerSteps,
        double selectionLift) {

    /** Metrics as results before the selection lift was measured describe them. */
    public EpochMetrics(int epoch, String phase, double trainLoss, double testAccuracy, double testLoss,
            double activationRate, double thresholdEnd, double thresholdMin, double thresholdMax, double modeledSavings,
            double trainSeconds, double scoringSeconds, double selectSeconds, double stepSeconds, double evalSeconds,
            long samples, long scoredSamples, long trainedSamples, long optimizerSteps) {
        this(epoch, phase, trainLoss, testAccuracy, testLoss, activationRate, thresholdEnd, thresholdMin, thresholdMax,
                modeledSavings, trainSeconds, scoringSeconds, selectSeconds, stepSeconds, evalSeconds, samples,
                scoredSamples, trainedSamples, optimizerSteps, Double.NaN);
    }

    /** The phase of the full-training epochs before AST starts. */
    public static final String WARMUP = "warmup";

    /** True for an epoch of full training before AST starts ({@code warmupEpochs}). */
    public boolean isWarmup() {
        return WARMUP.equals(phase);
    }
}
