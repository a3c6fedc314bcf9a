package org.adaptivesparse.selection;

import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The {@code random} control without replacement across epochs ({@code randomSampling=epoch}): each
 * epoch trains the next {@code round(target * n)} samples of a shuffled pass over the training set,
 * so every sample is trained once every {@code 1 / target} epochs (the per-batch control leaves
 * about 53 % of the samples never trained after 6 epochs at 10 %). The epoch's samples are spread
 * evenly over its batches, so the step count and sub-batch size are those of the per-batch control.
 */
final class EpochRandomSelection implements SelectionStrategy {
    private final double target;
    private final SplittableRandom random;
    private final boolean[] chosen;
    private int[] pass = new int[0];
    private int cursor;

    EpochRandomSelection(double target, int size, SplittableRandom random) {
        this.target = target;
        this.random = random;
        this.chosen = new boolean[size];
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        int n = order.length;
        int budget = (int) Math.max(1, Math.min(n, Math.round(target * n)));
        Arrays.fill(chosen, false);
        int[] picked = new int[budget];
        int k = 0;
        while (k < budget) {
            if (cursor >= pass.length) {
                pass = Permutations.shuffled(n, random);
                cursor = 0;
            }
            int i = pass[cursor++];
            if (!chosen[i]) {
                chosen[i] = true;
                picked[k++] = i;
            }
        }
        EpochSpread.spread(order, picked, chosen, batchSize);
        return EpochPlan.NONE;
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        int[] active = EpochSpread.positions(batch, chosen);
        return BatchSelection.of(active != null ? active
                : Gate.randomSubset(random, batch.length, Math.min(Gate.FALLBACK, batch.length)));
    }
}
