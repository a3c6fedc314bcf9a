package org.adaptivesparse.selection;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The epoch plan the {@code smallloss} and {@code filter} modes share: leave out the samples with the
 * highest scores, draw the epoch's budget uniformly at random without replacement from the rest, and
 * spread the draw evenly over the epoch's batches as the {@code stale} mode does, so the step count and
 * sub-batch size are the {@code random} control's. The drop never leaves fewer samples than the budget.
 */
final class DropThenDraw {
    /** A sample's score; higher is dropped first. */
    interface Score {
        float of(int sample);
    }

    private final double target;
    private final SplittableRandom random;
    private final boolean[] chosen;

    DropThenDraw(int size, double target, SplittableRandom random) {
        this.target = target;
        this.random = random;
        this.chosen = new boolean[size];
    }

    /**
     * Plans one epoch: drops {@code drop} of all samples, highest {@code score} first, and draws the
     * budget from the rest.
     *
     * @param order the epoch's shuffled permutation; a stable sort on it breaks ties at random
     */
    void plan(int[] order, int batchSize, double drop, Score score) {
        int n = order.length;
        int budget = (int) Math.max(1, Math.min(n, Math.round(target * n)));
        int skip = (int) Math.min(n - budget, Math.round(drop * n));
        int[] rest;
        if (skip == 0) {
            rest = order.clone();
        } else {
            Integer[] byScore = new Integer[n];
            for (int i = 0; i < n; i++) {
                byScore[i] = order[i];
            }
            Arrays.sort(byScore, (a, b) -> Float.compare(score.of(b), score.of(a)));
            rest = new int[n - skip];
            for (int i = skip; i < n; i++) {
                rest[i - skip] = byScore[i];
            }
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
    }

    /** The batch's planned samples, or a random fallback when the plan left it none. */
    BatchSelection select(long[] batch) {
        int[] active = EpochSpread.positions(batch, chosen);
        if (active == null) {
            return BatchSelection.of(Gate.randomSubset(random, batch.length, Math.min(Gate.FALLBACK, batch.length)));
        }
        return BatchSelection.of(active);
    }
}
