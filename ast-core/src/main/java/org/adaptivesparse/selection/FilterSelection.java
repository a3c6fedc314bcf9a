package org.adaptivesparse.selection;

import ai.djl.ndarray.NDManager;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The {@code ast} policy with {@code filter} selection (see {@link FilterMode}): every epoch, the
 * budget is drawn uniformly from all samples but the {@code filterDrop} share with the highest
 * irreducible losses ({@link DropThenDraw}).
 */
final class FilterSelection implements SelectionStrategy {
    private final ReferenceLosses reference;
    private final double drop;
    private final DropThenDraw draw;

    FilterSelection(ImageTensors t, ReferenceLosses reference, double target, double drop, SplittableRandom random) {
        this.reference = Objects.requireNonNull(reference, "filter selection needs the reference model's losses");
        if (reference.losses().length != t.size()) {
            throw new IllegalArgumentException(reference.losses().length + " reference losses for " + t.size()
                    + " training samples");
        }
        this.drop = drop;
        this.draw = new DropThenDraw(t.size(), target, random);
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        draw.plan(order, batchSize, drop, reference::of);
        return EpochPlan.NONE;
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        return draw.select(batch);
    }
}
