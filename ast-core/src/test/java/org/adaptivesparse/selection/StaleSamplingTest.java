package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

/** The coverage and percentile ways of drawing the stale mode's score-driven share. */
class StaleSamplingTest {
    private static final int N = 1000;

    private static StaleAstSelection stale(String sampling) {
        return new StaleAstSelection(new ImageTensors(null, null, new int[N], 2), null, StaleMode.Settings.of(
                ExperimentConfig.builder().targetActivation(0.1).batchSize(100).epochs(20).selection("stale")
                        .set("staleSampling", sampling).set("staleExploration", 0.0).build()), new SplittableRandom(1));
    }

    private static long[] chosen(StaleAstSelection s) {
        long[] out = new long[N];
        int k = 0;
        for (int i = 0; i < N; i++) {
            if (!s.choose(new long[] {i}).fallback()) {
                out[k++] = i;
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    @Test
    void percentileIsTheShareOfRecentScoresBelowTiesCountedHalf() {
        float[] sorted = {1, 2, 3, 4};
        assertEquals(1.0, StaleAstSelection.percentile(sorted, 5f), 1e-12);
        assertEquals(0.5 / 4.5, StaleAstSelection.percentile(sorted, 0f), 1e-12);
        assertEquals(2.0 / 4.5, StaleAstSelection.percentile(sorted, 2f), 1e-12);
        assertEquals(1.0, StaleAstSelection.percentile(new float[0], 2f), "no history: equal weights");
    }

    @Test
    void coverageWeighsTheStoredScoreByTheEpochsSinceLastTrained() {
        StaleAstSelection s = stale("coverage");
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            s.startEpoch(1, java.util.stream.IntStream.range(0, N).toArray(), 100);
            s.trained(new long[] {7}, m.zeros(new Shape(1, 2)));
            s.startEpoch(4, java.util.stream.IntStream.range(0, N).toArray(), 100);
            float ln2 = (float) Math.log(2);
            assertEquals(3 * ln2, s.weight(7, ln2, null), 1e-6, "trained in epoch 1, now epoch 4");
            assertEquals(4 * ln2, s.weight(8, ln2, null), 1e-6, "never trained: counts from before epoch 1");
        }
    }

    @Test
    void coverageTrainsMoreDistinctSamplesThanScoreAloneOnEqualScores() {
        int coverage = distinctAfterTenEpochs("coverage");
        int proportional = distinctAfterTenEpochs("proportional");
        // 10 epochs at 10 %: uniform draws train about 1 - 0.9^10 = 65 % of the samples at least once
        assertTrue(coverage > proportional + 50, coverage + " vs " + proportional);
    }

    private static int distinctAfterTenEpochs(String sampling) {
        StaleAstSelection s = stale(sampling);
        boolean[] seen = new boolean[N];
        SplittableRandom shuffle = new SplittableRandom(3);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            for (int epoch = 1; epoch <= 10; epoch++) {
                s.startEpoch(epoch, Permutations.shuffled(N, shuffle), 100);
                long[] c = chosen(s);
                s.trained(c, m.zeros(new Shape(c.length, 2)));
                for (long i : c) {
                    seen[(int) i] = true;
                }
            }
        }
        int k = 0;
        for (boolean b : seen) {
            k += b ? 1 : 0;
        }
        return k;
    }

    @Test
    void percentileLeansHarderToHighScoresThanProportional() {
        assertTrue(meanChosenIndex("percentile") > meanChosenIndex("proportional") + 50);
    }

    /** Sample i's loss grows with i; the mean index of the epoch's picks. */
    private static double meanChosenIndex(String sampling) {
        StaleAstSelection s = stale(sampling);
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] rows = new float[2 * N];
            long[] all = new long[N];
            for (int i = 0; i < N; i++) {
                rows[2 * i + 1] = i / 100f;
                all[i] = i;
            }
            NDArray logits = m.create(rows, new Shape(N, 2));
            s.trained(all, logits);
            s.startEpoch(1, Permutations.shuffled(N, new SplittableRandom(4)), 100);
        }
        return java.util.Arrays.stream(chosen(s)).average().orElse(0);
    }
}
