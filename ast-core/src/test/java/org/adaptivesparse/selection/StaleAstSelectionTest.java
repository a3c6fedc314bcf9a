package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class StaleAstSelectionTest {
    private static final int N = 1000;
    private static final int B = 64;

    private static StaleAstSelection scores(double exploration) {
        return scores(exploration, "greedy", 0.0);
    }

    private static StaleAstSelection scores(double exploration, String sampling, double skipTop) {
        return scores(new ImageTensors(null, null, new int[N], 10), null, ExperimentConfig.builder()
                .set("staleExploration", exploration).set("staleSampling", sampling).set("staleSkipTop", skipTop));
    }

    private static StaleAstSelection scores(ImageTensors t, ScoringModel model, ExperimentConfig.Builder cfg) {
        return new StaleAstSelection(t, model, StaleMode.Settings.of(cfg.name("t").model("mlp").batchSize(B)
                .targetActivation(0.1).selection("stale").build()), new SplittableRandom(1));
    }

    /** Logits (0, 10 * first pixel) for label 0: the loss grows with the pixel. */
    private static NDArray logitsFromFirstPixel(NDArray images) {
        NDArray z = images.reshape(images.getShape().get(0), -1).get(":, 0:1").mul(10f);
        return z.zerosLike().concat(z, 1);
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
        SelectionStrategy s = scores(0.5);
        int[] order = identity();
        EpochPlan plan = s.startEpoch(1, order, B);
        assertEquals(0, plan.scored());
        int[] sorted = order.clone();
        Arrays.sort(sorted);
        assertArrayEquals(identity(), sorted);
        int total = 0;
        for (int from = 0; from < N; from += B) {
            long[] batch = new long[Math.min(B, N - from)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = order[from + i];
            }
            BatchSelection sel = s.select(batch, null);
            assertEquals(0, sel.scored(), "no scoring forward");
            int k = sel.count(batch.length);
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
    void remembersTheLossesOfTheTrainingForwardPass() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            StaleAstSelection s = scores(new ImageTensors(null, null, new int[N], 2), null,
                    ExperimentConfig.builder().set("staleExploration", 0.0).set("staleSampling", "greedy"));
            long[] all = new long[N];
            float[] pixel = new float[N];
            for (int i = 0; i < N; i++) {
                all[i] = i;
                pixel[i] = i / (float) N;
            }
            s.trained(all, logitsFromFirstPixel(m.create(pixel, new Shape(N, 1, 1, 1))));
            s.startEpoch(1, identity(), B);
            for (int i = 0; i < N; i++) {
                Gate.Selection sel = s.choose(new long[] {i});
                assertEquals(i >= 900, !sel.fallback(), "sample " + i);
            }
        }
    }

    @Test
    void aDueRefreshSweepsTheTrainingSetAndCountsItAsScoring() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            float[] pixel = new float[N];
            for (int i = 0; i < N; i++) {
                pixel[i] = i / (float) N;
            }
            ImageTensors t = new ImageTensors(m.create(pixel, new Shape(N, 1, 1, 1)), null, new int[N], 2);
            AtomicInteger forwards = new AtomicInteger();
            StaleAstSelection s = scores(t, images -> {
                forwards.incrementAndGet();
                return logitsFromFirstPixel(images);
            }, ExperimentConfig.builder().set("staleExploration", 0.0).set("staleSampling", "greedy")
                    .set("staleRefreshEpochs", 2));
            assertEquals(0, s.startEpoch(1, identity(), B).scored());
            assertEquals(0, s.startEpoch(2, identity(), B).scored());
            assertEquals(0, forwards.get());
            EpochPlan plan = s.startEpoch(3, identity(), B);
            assertEquals(N, plan.scored());
            assertEquals((N + ImageTensors.SWEEP_BATCH - 1) / ImageTensors.SWEEP_BATCH, forwards.get());
            for (int i = 0; i < N; i++) {
                assertEquals(i >= 900, !s.choose(new long[] {i}).fallback(), "sample " + i);
            }
        }
    }

    @Test
    void refreshZeroMeansNever() {
        StaleAstSelection s = scores(0.5);
        for (int e = 1; e < 20; e++) {
            assertFalse(s.refreshDue(e));
        }
    }
}
