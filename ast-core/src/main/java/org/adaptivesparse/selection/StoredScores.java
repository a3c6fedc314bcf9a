package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;

/**
 * Each training sample's score as last seen in its own training forward pass (free: that pass runs
 * anyway), NaN until it is seen. The stale-score modes ({@code stale}, {@code importance}) keep one.
 * What the score is comes from the {@code score} option:
 * <ul>
 *   <li>{@code loss}: the per-sample cross-entropy;</li>
 *   <li>{@code gradnorm}: {@code ||softmax(logits) - onehot(label)||_2}, the gradient of the loss with
 *       respect to the logits, which bounds the norm of the last layer's gradient up to the norm of
 *       its input (Katharopoulos and Fleuret 2018); it saturates at {@code sqrt 2} where the loss
 *       grows without bound, so a few hopeless samples weigh less;</li>
 *   <li>{@code article}: the fresh mode's significance, {@code lossWeight * loss_n + stdWeight * std_n},
 *       normalised over the samples of the forward pass (see {@link Significance}).</li>
 * </ul>
 */
final class StoredScores {
    private final ImageTensors t;
    private final ScoreKind kind;
    private final Significance significance;
    private final float[] value;
    private float[] pixelStd;
    private double knownSum;
    private int knownCount;

    /** Stores losses. */
    StoredScores(ImageTensors t) {
        this(t, ScoreKind.LOSS, null);
    }

    /**
     * @param significance the weights of the {@code article} score; unused by the others
     */
    StoredScores(ImageTensors t, ScoreKind kind, Significance significance) {
        this.t = t;
        this.kind = kind;
        this.significance = significance;
        this.value = new float[t.size()];
        Arrays.fill(value, Float.NaN);
    }

    /**
     * Scores the rows of a forward pass ({@code samples.length} x classes logits, row-major) and stores
     * them; returns the scores.
     */
    float[] rememberLogits(long[] samples, float[] logits) {
        float[] s = score(samples, logits);
        remember(samples, s);
        return s;
    }

    /** The scores of the rows of a forward pass over {@code samples}. */
    float[] score(long[] samples, float[] logits) {
        float[] s = new float[samples.length];
        switch (kind) {
            case LOSS -> Significance.perSampleLoss(logits, t.classes(), t.labelIds(), samples, s);
            case GRADNORM -> Significance.gradNorm(logits, t.classes(), t.labelIds(), samples, s);
            case ARTICLE -> {
                float[] loss = new float[samples.length];
                Significance.perSampleLoss(logits, t.classes(), t.labelIds(), samples, loss);
                float[] std = new float[samples.length];
                float[] all = pixelStd();
                for (int i = 0; i < samples.length; i++) {
                    std[i] = all[(int) samples[i]];
                }
                significance.score(loss, std, s);
            }
        }
        return s;
    }

    /** Every sample's pixel spread, computed once on first use. */
    private float[] pixelStd() {
        if (pixelStd == null) {
            int n = t.size();
            pixelStd = new float[n];
            for (int from = 0; from < n; from += ImageTensors.SWEEP_BATCH) {
                int to = Math.min(n, from + ImageTensors.SWEEP_BATCH);
                try (NDManager m = t.images().getManager().newSubManager()) {
                    NDArray x = t.images().get(m, new NDIndex("{}:{}", from, to));
                    System.arraycopy(Significance.pixelStd(x).toFloatArray(), 0, pixelStd, from, to - from);
                }
            }
        }
        return pixelStd;
    }

    /** Stores the given scores of {@code samples}; non-finite ones are ignored. */
    void remember(long[] samples, float[] scores) {
        for (int i = 0; i < samples.length; i++) {
            store((int) samples[i], scores[i]);
        }
    }

    void store(int i, float v) {
        if (!Float.isFinite(v)) {
            return;
        }
        if (Float.isNaN(value[i])) {
            knownCount++;
        } else {
            knownSum -= value[i];
        }
        knownSum += v;
        value[i] = v;
    }

    /** The stored score of sample {@code i}, or {@code unseen} when it was never seen. */
    float get(int i, float unseen) {
        return Float.isNaN(value[i]) ? unseen : value[i];
    }

    /** The mean of the known scores, 0 when none is known. */
    float mean() {
        return knownCount == 0 ? 0f : (float) (knownSum / knownCount);
    }

    /** The largest known score, 0 when none is known. */
    float max() {
        float m = 0f;
        for (float v : value) {
            if (v > m) {
                m = v;
            }
        }
        return m;
    }
}
