package org.adaptivesparse.selection;

/**
 * What a strategy's {@link SelectionStrategy#startEpoch} did.
 *
 * @param warmup       the epoch trains every sample before selection begins
 * @param scored       samples that went through an inference forward pass while planning
 * @param scoringNanos the part of the planning spent in those passes
 */
public record EpochPlan(boolean warmup, long scored, long scoringNanos) {
    /** Nothing to report: no sweep, not a warmup epoch. */
    public static final EpochPlan NONE = new EpochPlan(false, 0, 0);
    /** A warmup epoch. */
    public static final EpochPlan WARMUP = new EpochPlan(true, 0, 0);
}
