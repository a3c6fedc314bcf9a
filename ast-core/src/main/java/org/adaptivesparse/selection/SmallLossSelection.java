package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The {@code ast} policy with {@code smallloss} selection (see {@link SmallLossMode}). Each epoch's
 * budget of {@code round(target * n)} samples is drawn uniformly at random without replacement from
 * all samples but the {@code smallLossDrop} share with the highest stored losses, and spread evenly
 * over the epoch's batches as in the {@code stale} mode, so the step count and sub-batch size are the
 * {@code random} control's. Never-seen samples count at the mean known loss; the drop never leaves
 * fewer samples than the budget.
 */
final class SmallLossSelection implements SelectionStrategy {
    private final double target;
    private final double drop;
    private final SplittableRandom random;
    private final StoredScores scores;
    private final boolean[] chosen;

    SmallLossSelection(ImageTensors t, SmallLossMode.Settings settings, SplittableRandom random) {
        this.target = settings.target();
        this.drop = settings.drop();
        this.random = random;
        this.scores = new StoredScores(t);
        this.chosen = new boolean[t.size()];
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        int n = order.length;
        int budget = (int) Math.max(1, Math.min(n, Math.round(target * n)));
        float unseen = scores.mean();
        // order is a random permutation, so a stable sort on it breaks ties (the never-seen) at random
        Integer[] byLoss = new Integer[n];
        for (int i = 0; i < n; i++) {
            byLoss[i] = order[i];
        }
        Arrays.sort(byLoss, (a, b) -> Float.compare(scores.get(b, unseen), scores.get(a, unseen)));
        int skip = (int) Math.min(n - budget, Math.round(drop * n));
        int[] rest = new int[n - skip];
        for (int i = skip; i < n; i++) {
            rest[i - skip] = byLoss[i];
        }
        int[] picked = new int[budget];
        for (int i = 0; i < budget; i++) {
            int j = i + random.nextInt(rest.length - i);
            int tmp = rest[i];
            rest[i] = rest[j];
            rest[j] = tmp;
            picked[i] = rest[i];
        }
        Arrays.fill(chosen, false);
        for (int i : picked) {
            chosen[i] = true;
        }
        Permutations.shuffle(picked, random);
        EpochSpread.spread(order, picked, chosen, batchSize);
        return EpochPlan.NONE;
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        int[] active = EpochSpread.positions(batch, chosen);
        if (active == null) {
            return BatchSelection.of(Gate.randomSubset(random, batch.length, Math.min(Gate.FALLBACK, batch.length)));
        }
        return BatchSelection.of(active);
    }

    /** Remembers the loss of every trained sample, from the training forward pass's logits. */
    @Override
    public void trained(long[] samples, NDArray logits) {
        scores.rememberLogits(samples, logits.stopGradient().toFloatArray());
    }
}
