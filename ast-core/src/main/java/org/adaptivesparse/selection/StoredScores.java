package org.adaptivesparse.selection;

import java.util.Arrays;

/**
 * Each training sample's score as last seen in its own training forward pass (free: that pass runs
 * anyway), NaN until it is seen. The stale-score modes keep one; the score is the per-sample
 * cross-entropy.
 */
final class StoredScores {
    private final ImageTensors t;
    private final float[] value;
    private double knownSum;
    private int knownCount;

    StoredScores(ImageTensors t) {
        this.t = t;
        this.value = new float[t.size()];
        Arrays.fill(value, Float.NaN);
    }

    /** Scores the rows of a training forward pass ({@code samples.length} x classes logits, row-major) and stores them. */
    void rememberLogits(long[] samples, float[] logits) {
        float[] s = new float[samples.length];
        Significance.perSampleLoss(logits, t.classes(), t.labelIds(), samples, s);
        remember(samples, s);
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

    /** True when no sample has a score yet. */
    boolean empty() {
        return knownCount == 0;
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

    int size() {
        return value.length;
    }
}
