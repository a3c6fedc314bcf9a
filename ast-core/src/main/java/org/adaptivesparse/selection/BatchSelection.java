package org.adaptivesparse.selection;

/**
 * A strategy's decision for one batch.
 *
 * @param active       positions in the batch of the samples to train, ascending; null: all of them
 * @param scored       samples that went through a scoring forward pass to decide
 * @param scoringNanos the part of the decision spent in that pass
 * @param threshold    the gate threshold after this batch's controller update; NaN without a controller
 * @param ema          the controller's smoothed activation after this batch; NaN without a controller
 * @param scores       the per-sample losses the decision was made on, one per batch position, or null
 *                     when the strategy scored nothing (the loop then measures the selection lift from
 *                     stored losses)
 * @param weights      the loss weight of each trained sample, in the order of {@code active}: the step
 *                     minimises the weighted mean of their losses; null: the plain mean (every
 *                     strategy but importance sampling)
 */
public record BatchSelection(int[] active, long scored, long scoringNanos, double threshold, double ema,
        float[] scores, float[] weights) {
    /** Every sample of the batch, nothing scored. */
    public static final BatchSelection ALL = new BatchSelection(null, 0, 0, Double.NaN, Double.NaN, null);

    public BatchSelection {
        if (weights != null && weights.length != (active == null ? weights.length : active.length)) {
            throw new IllegalArgumentException(weights.length + " weights for " + active.length + " trained samples");
        }
    }

    /** A decision without loss weights. */
    public BatchSelection(int[] active, long scored, long scoringNanos, double threshold, double ema, float[] scores) {
        this(active, scored, scoringNanos, threshold, ema, scores, null);
    }

    /** A decision without per-sample scores to report. */
    public BatchSelection(int[] active, long scored, long scoringNanos, double threshold, double ema) {
        this(active, scored, scoringNanos, threshold, ema, null);
    }

    /** The given positions, trained with these loss weights (one per position). */
    public static BatchSelection weighted(int[] active, float[] weights) {
        return new BatchSelection(active, 0, 0, Double.NaN, Double.NaN, null, weights);
    }

    /** The given positions, chosen without a scoring pass or a controller. */
    public static BatchSelection of(int[] active) {
        return new BatchSelection(active, 0, 0, Double.NaN, Double.NaN);
    }

    /** How many samples of a batch of {@code batchSize} are trained. */
    public int count(int batchSize) {
        return active == null ? batchSize : active.length;
    }

    /** The data-set indices of the samples to train, from the batch's indices. */
    public long[] pick(long[] batch) {
        if (active == null) {
            return batch;
        }
        long[] out = new long[active.length];
        for (int i = 0; i < active.length; i++) {
            out[i] = batch[active[i]];
        }
        return out;
    }

    /** True when a controller moved with this batch (its threshold is known). */
    public boolean controlled() {
        return !Double.isNaN(threshold);
    }
}
