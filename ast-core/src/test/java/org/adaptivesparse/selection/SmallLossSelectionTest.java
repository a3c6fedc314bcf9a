package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.junit.jupiter.api.Test;

/** The small-loss mode leaves the highest stored losses out and draws the budget uniformly from the rest. */
class SmallLossSelectionTest {
    private static final int N = 1000;
    private static final int B = 100;

    private static SmallLossSelection strategy(double drop) {
        return new SmallLossSelection(new ImageTensors(null, null, new int[N], 2), SmallLossMode.Settings.of(
                ExperimentConfig.builder().selection("smallloss").targetActivation(0.1).batchSize(B)
                        .set("smallLossDrop", drop).build()), new SplittableRandom(1));
    }

    /** Sample i's loss grows with i (label 0, logits (0, i / 100)), remembered for every sample. */
    private static void rememberGrowingLosses(SmallLossSelection s) {
        float[] rows = new float[2 * N];
        long[] all = new long[N];
        for (int i = 0; i < N; i++) {
            rows[2 * i + 1] = i / 100f;
            all[i] = i;
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            s.trained(all, m.create(rows, new Shape(N, 2)));
        }
    }

    @Test
    void theHighestLossesAreLeftOutAndEveryBatchHoldsItsShare() {
        SmallLossSelection s = strategy(0.3);
        rememberGrowingLosses(s);
        int[] order = Permutations.shuffled(N, new SplittableRandom(2));
        s.startEpoch(1, order, B);
        int total = 0;
        double meanIndex = 0;
        for (int from = 0; from < N; from += B) {
            long[] batch = new long[B];
            for (int i = 0; i < B; i++) {
                batch[i] = order[from + i];
            }
            int[] active = s.select(batch, null).active();
            assertEquals(10, active.length, "the budget spread evenly: 10 of each 100");
            for (int a : active) {
                assertTrue(batch[a] < 700, "sample " + batch[a] + " is among the 30 % highest losses");
                meanIndex += batch[a];
            }
            total += active.length;
        }
        assertEquals(100, total);
        meanIndex /= total;
        assertTrue(meanIndex > 250 && meanIndex < 450, "uniform over the 700 kept: mean index " + meanIndex);
    }

    @Test
    void selectionSmalllossMakesThisStrategy() {
        assertInstanceOf(SmallLossSelection.class, SelectionStrategies.create(Policy.AST, ExperimentConfig.builder()
                .selection("smallloss").build(), new ImageTensors(null, null, new int[N], 2), null));
    }

    @Test
    void dropIsCheckedAndOnlyReadBySmallLoss() {
        assertEquals("smallLossDrop 1.0 is out of range; allowed: 0 (drop none) up to but not including 1",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().set("smallLossDrop", "100%")
                        .build()).getMessage());
        assertEquals(0.3, ExperimentConfig.builder().selection("smallloss").build().comparableSettings()
                .get("smallLossDrop"));
        assertTrue(!ExperimentConfig.builder().build().comparableSettings().containsKey("smallLossDrop"));
    }
}
