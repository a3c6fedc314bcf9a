package org.adaptivesparse.selection;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.adaptivesparse.config.GateMode;

/**
 * Decides which samples of a batch are active from their significance and the current threshold.
 * Seeded: the same seed gives the same choices. When nothing passes, {@link #FALLBACK} random
 * samples are taken instead, and they count as active in every statistic.
 */
public final class Gate {
    /** Samples taken at random when no sample passes the gate. */
    public static final int FALLBACK = 2;
    /** Temperature of the probabilistic gate's sigmoid. */
    public static final double TEMPERATURE = 0.15;

    private final GateMode mode;
    private final SplittableRandom random;

    public Gate(GateMode mode, long seed) {
        this.mode = mode;
        this.random = new SplittableRandom(seed);
    }

    /**
     * Selects the active samples.
     *
     * @param significance one score per sample
     * @param threshold    the controller's current threshold
     * @return indices of the active samples, ascending; never empty
     */
    public Selection select(float[] significance, double threshold) {
        int n = significance.length;
        int[] idx = new int[n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            boolean on;
            if (mode == GateMode.HARD) {
                on = significance[i] > threshold;
            } else {
                double p = 1.0 / (1.0 + Math.exp(-(significance[i] - threshold) / TEMPERATURE));
                on = random.nextDouble() < p;
            }
            if (on) {
                idx[k++] = i;
            }
        }
        if (k == 0) {
            return new Selection(randomSubset(n, Math.min(FALLBACK, n)), true);
        }
        return new Selection(Arrays.copyOf(idx, k), false);
    }

    /** {@code count} distinct indices in [0, n), ascending, from this gate's random stream. */
    public int[] randomSubset(int n, int count) {
        return randomSubset(random, n, count);
    }

    /** {@code count} distinct indices in [0, n), ascending (partial Fisher-Yates). */
    public static int[] randomSubset(SplittableRandom random, int n, int count) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = Arrays.copyOf(perm, count);
        Arrays.sort(out);
        return out;
    }

    /**
     * The gate's decision for one batch.
     *
     * @param active   indices of active samples, ascending
     * @param fallback true when nothing passed and the samples were drawn at random
     */
    public record Selection(int[] active, boolean fallback) {
        public int count() {
            return active.length;
        }
    }
}
