package org.adaptivesparse.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.Trainer;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.selection.Gate;
import org.adaptivesparse.selection.Significance;

/**
 * The stale selection mode: each sample's loss as last seen, so most batches need no scoring
 * forward pass at all.
 *
 * <p>A sample's loss is remembered from its own training forward pass (free: that pass runs anyway)
 * and refreshed for every sample by one inference sweep every {@code staleRefreshEpochs} epochs.
 * Samples never seen are scored at the mean of the known losses. Stored losses only go stale for
 * samples that are not trained, and a stale low loss would keep a sample out for good, so a share
 * ({@code staleExploration}) of each batch's budget goes to samples drawn at random from those the
 * gate left out. The PI controller sees the total rate, gated plus explored, and holds it at target.
 */
final class StaleScores {
    private final SparseTrainer.Tensors t;
    private final Significance significance;
    private final SplittableRandom random;
    private final int refreshEvery;
    private final double exploreCount;
    private final float[] loss;
    private final float[] std;
    private double knownSum;
    private int knownCount;

    StaleScores(SparseTrainer.Tensors t, Significance significance, ExperimentConfig cfg, SplittableRandom random) {
        this.t = t;
        this.significance = significance;
        this.random = random;
        this.refreshEvery = cfg.staleRefreshEpochs();
        this.exploreCount = cfg.staleExploration() * cfg.targetActivation() * cfg.batchSize();
        this.loss = new float[t.trainSize()];
        Arrays.fill(loss, Float.NaN);
        this.std = pixelStds();
    }

    /** True at the start of AST epochs 1 + k * refreshEvery for k of at least 1 (epoch counted from the first AST epoch). */
    boolean refreshDue(int astEpoch) {
        return astEpoch > 1 && (astEpoch - 1) % refreshEvery == 0;
    }

    /** One inference sweep over the training set that refreshes every stored loss. */
    void refresh(Trainer trainer) {
        int n = t.trainSize();
        for (int from = 0; from < n; from += SparseTrainer.EVAL_BATCH) {
            int to = Math.min(n, from + SparseTrainer.EVAL_BATCH);
            try (NDManager bm = t.trainX().getManager().newSubManager()) {
                NDArray x = t.trainX().get(bm, new NDIndex("{}:{}", from, to));
                NDArray y = t.trainY().get(bm, new NDIndex("{}:{}", from, to));
                float[] l = Significance.perSampleLoss(trainer.evaluate(new NDList(x)).singletonOrThrow(), y)
                        .toFloatArray();
                for (int i = 0; i < l.length; i++) {
                    store(from + i, l[i]);
                }
            }
        }
    }

    /** Gates one batch on stored scores, then adds the exploration draw from the samples left out. */
    Gate.Selection select(long[] batchIdx, Gate gate, double threshold) {
        int b = batchIdx.length;
        float unseen = knownCount == 0 ? 1f : (float) (knownSum / knownCount);
        float[] l = new float[b];
        float[] s = new float[b];
        for (int i = 0; i < b; i++) {
            int j = (int) batchIdx[i];
            l[i] = Float.isNaN(loss[j]) ? unseen : loss[j];
            s[i] = std[j];
        }
        float[] sig = new float[b];
        significance.score(l, s, sig);
        Gate.Selection gated = gate.select(sig, threshold);
        int extra = (int) Math.floor(exploreCount);
        if (random.nextDouble() < exploreCount - extra) {
            extra++;
        }
        extra = Math.min(extra, b - gated.count());
        if (extra <= 0) {
            return gated;
        }
        boolean[] on = new boolean[b];
        for (int i : gated.active()) {
            on[i] = true;
        }
        int[] rest = new int[b - gated.count()];
        int r = 0;
        for (int i = 0; i < b; i++) {
            if (!on[i]) {
                rest[r++] = i;
            }
        }
        for (int k : Gate.randomSubset(random, rest.length, extra)) {
            on[rest[k]] = true;
        }
        int[] active = new int[gated.count() + extra];
        int a = 0;
        for (int i = 0; i < b; i++) {
            if (on[i]) {
                active[a++] = i;
            }
        }
        return new Gate.Selection(active, gated.fallback());
    }

    /** Remembers the per-sample losses of a training forward pass. */
    void remember(long[] idx, NDArray perSampleLoss) {
        float[] l = perSampleLoss.toFloatArray();
        for (int i = 0; i < idx.length; i++) {
            store((int) idx[i], l[i]);
        }
    }

    private void store(int i, float value) {
        if (!Float.isFinite(value)) {
            return;
        }
        if (Float.isNaN(loss[i])) {
            knownCount++;
        } else {
            knownSum -= loss[i];
        }
        knownSum += value;
        loss[i] = value;
    }

    private float[] pixelStds() {
        int n = t.trainSize();
        float[] out = new float[n];
        for (int from = 0; from < n; from += SparseTrainer.EVAL_BATCH) {
            int to = Math.min(n, from + SparseTrainer.EVAL_BATCH);
            try (NDManager bm = t.trainX().getManager().newSubManager()) {
                float[] s = Significance.pixelStd(t.trainX().get(bm, new NDIndex("{}:{}", from, to))).toFloatArray();
                System.arraycopy(s, 0, out, from, s.length);
            }
        }
        return out;
    }
}
