package org.adaptivesparse.selection;

import java.util.SplittableRandom;

/**
 * The {@code ast} policy with {@code smallloss} selection (see {@link SmallLossMode}). Each epoch's
 * budget of {@code round(target * n)} samples is drawn uniformly at random without replacement from
 * all samples but the share with the highest stored losses ({@code smallLossDrop}, reached after
 * {@code smallLossRampEpochs}), and spread over the epoch's batches ({@link DropThenDraw}).
 * Never-seen samples count at the mean known loss.
 */
final class SmallLossSelection extends StoredLossDraw {
    private final SmallLossMode.Settings settings;

    SmallLossSelection(ImageTensors t, SmallLossMode.Settings settings, SplittableRandom random) {
        super(t, settings.target(), random);
        this.settings = settings;
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        float unseen = scores.mean();
        draw.plan(order, batchSize, settings.dropAt(epoch), i -> scores.get(i, unseen));
        return EpochPlan.NONE;
    }
}
