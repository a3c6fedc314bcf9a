package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * What the epoch-planned modes that draw from stored losses share ({@code smallloss}, stored
 * {@code reducible}): each sample's loss remembered from its own training forward, and a
 * {@link DropThenDraw} plan that each subclass makes at the start of an epoch from those losses.
 */
abstract class StoredLossDraw implements SelectionStrategy {
    protected final StoredScores scores;
    protected final DropThenDraw draw;

    StoredLossDraw(ImageTensors t, double target, SplittableRandom random) {
        this.scores = new StoredScores(t);
        this.draw = new DropThenDraw(t.size(), target, random);
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        return draw.select(batch);
    }

    /** Remembers the loss of every trained sample, from the training forward pass's logits. */
    @Override
    public void trained(long[] samples, NDArray logits) {
        scores.rememberLogits(samples, logits.stopGradient().toFloatArray());
    }
}
