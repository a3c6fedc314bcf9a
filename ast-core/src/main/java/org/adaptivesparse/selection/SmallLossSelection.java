package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.SplittableRandom;

/**
 * The {@code ast} policy with {@code smallloss} selection (see {@link SmallLossMode}). Each epoch's
 * budget of {@code round(target * n)} samples is drawn uniformly at random without replacement from
 * all samples but the share with the highest stored losses ({@code smallLossDrop}, reached after
 * {@code smallLossRampEpochs}), and spread over the epoch's batches ({@link DropThenDraw}).
 * Never-seen samples count at the mean known loss.
 */
final class SmallLossSelection implements SelectionStrategy {
    private final SmallLossMode.Settings settings;
    private final StoredScores scores;
    private final DropThenDraw draw;

    SmallLossSelection(ImageTensors t, SmallLossMode.Settings settings, SplittableRandom random) {
        this.settings = settings;
        this.scores = new StoredScores(t);
        this.draw = new DropThenDraw(t.size(), settings.target(), random);
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        float unseen = scores.mean();
        draw.plan(order, batchSize, settings.dropAt(epoch), i -> scores.get(i, unseen));
        return EpochPlan.NONE;
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
