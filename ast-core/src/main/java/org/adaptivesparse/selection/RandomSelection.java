package org.adaptivesparse.selection;

import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * The {@code random} policy: a uniform random {@code round(target * B)} samples of each batch (at
 * least one), the control that shows whether scoring is worth it.
 */
final class RandomSelection implements SelectionStrategy {
    private final double target;
    private final SplittableRandom random;

    RandomSelection(double target, SplittableRandom random) {
        this.target = target;
        this.random = random;
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        int size = batch.length;
        int k = (int) Math.max(1, Math.round(target * size));
        return BatchSelection.of(Gate.randomSubset(random, size, Math.min(k, size)));
    }
}
