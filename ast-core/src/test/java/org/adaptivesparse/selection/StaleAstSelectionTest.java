package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class StaleAstSelectionTest {
    private static final int N = 1000;
    private static final int B = 64;

    private static StaleAstSelection scores(double exploration) {
        return scores(exploration, "greedy", 0.0);
    }

    private static StaleAstSelection scores(double exploration, String sampling, double skipTop) {
        ImageTensors t = new ImageTensors(null, null, new int[N], 10);
        ExperimentConfig cfg = ExperimentConfig.builder().name("t").model("mlp").batchSize(B).targetActivation(0.1)
                .selection("stale").staleExploration(exploration).staleSampling(sampling).staleSkipTop(skipTop)
                .build();
        return new StaleAstSelection(t, null, cfg, new SplittableRandom(1));
    }

    private static boolean[] chosenAfterPlan(StaleAstSelection s, float[] loss) {
        long[] all = new long[N];
        for (int i = 0; i < N; i++) {
            all[i] = i;
        }
        s.remember(all, loss);
        int[] order = identity();
        s.planEpoch(order, B);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(identity(), sorted);
        boolean[] chosen = new boolean[N];
        for (int i = 0; i < N; i++) {
            Gate.Selection sel = s.choose(new long[] {i});
            chosen[i] = sel.active().length == 1 && !sel.fallback();
        }
        return chosen;
    }

    @Test
    void skipTopLeavesTheHighestLossesOutOfTheGreedyShare() {
        float[] loss = new float[N];
        for (int i = 0; i < N; i++) {
            loss[i] = i;
        }
        boolean[] chosen = chosenAfterPlan(scores(0.0, "greedy", 0.05), loss);
        for (int i = 0; i < N; i++) {
            assertEquals(i >= 850 && i < 950, chosen[i], "sample " + i);
        }
    }

    @Test
    void proportionalSamplingDrawsTheBudgetByLossAndNeverAZeroLoss() {
        float[] loss = new float[N];
        for (int i = 0; i < N; i++) {
            loss[i] = i < 500 ? 0f : (i < 900 ? 1f : 50f);
        }
        boolean[] chosen = chosenAfterPlan(scores(0.0, "proportional", 0.0), loss);
        int total = 0;
        int high = 0;
        for (int i = 0; i < N; i++) {
            if (chosen[i]) {
                total++;
                assertTrue(i >= 500, "zero-loss sample " + i + " was drawn");
                if (i >= 900) {
                    high++;
                }
            }
        }
        assertEquals(100, total);
        // weights 100 x 50 against 400 x 1: most, but not all, of the draws are the high-loss samples
        assertTrue(high > 60 && high < 100, "high-loss draws " + high);
    }

    private static int[] identity() {
        int[] order = new int[N];
        for (int i = 0; i < N; i++) {
            order[i] = i;
        }
        return order;
    }

    @Test
    void everyBatchGetsAnEqualShareOfTheBudgetAndTheOrderStaysAPermutation() {
        StaleAstSelection s = scores(0.5);
        int[] order = identity();
        s.planEpoch(order, B);
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(identity(), sorted);
        int total = 0;
        for (int from = 0; from < N; from += B) {
            long[] batch = new long[Math.min(B, N - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = order[from + i];
            }
            int k = s.choose(batch).count();
            assertTrue(k == 6 || k == 7, "batch at " + from + " has " + k);
            total += k;
        }
        assertEquals(100, total);
    }

    @Test
    void withoutExplorationTheHighestStoredLossesAreChosen() {
        StaleAstSelection s = scores(0.0);
        long[] all = new long[N];
        float[] loss = new float[N];
        for (int i = 0; i < N; i++) {
            all[i] = i;
            loss[i] = i;
        }
        s.remember(all, loss);
        int[] order = identity();
        s.planEpoch(order, B);
        for (int i = 0; i < N; i++) {
            boolean chosen = s.choose(new long[] {i}).active().length == 1 && !s.choose(new long[] {i}).fallback();
            assertEquals(i >= 900, chosen, "sample " + i);
        }
    }

    @Test
    void refreshZeroMeansNever() {
        StaleAstSelection s = scores(0.5);
        for (int e = 1; e < 20; e++) {
            assertTrue(!s.refreshDue(e));
        }
    }
}
