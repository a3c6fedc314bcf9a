package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.junit.jupiter.api.Test;

class SelectionStrategiesTest {
    private static final ImageTensors NO_TENSORS = new ImageTensors(null, null, new int[100], 10);

    private static ExperimentConfig.Builder cfg() {
        return ExperimentConfig.builder().name("t").model("mlp").batchSize(64).targetActivation(0.25).seed(5);
    }

    private static long[] batch(int size) {
        long[] b = new long[size];
        for (int i = 0; i < size; i++) {
            b[i] = 1000 + i;
        }
        return b;
    }

    @Test
    void fullTrainsEverySample() {
        SelectionStrategy s = SelectionStrategies.create(Policy.FULL, cfg().build(), NO_TENSORS, null);
        long[] b = batch(64);
        BatchSelection sel = s.select(b, null);
        assertEquals(64, sel.count(64));
        assertSame(b, sel.pick(b));
        assertEquals(0, sel.scored());
        assertFalse(sel.controlled());
    }

    @Test
    void randomPicksRoundTargetTimesBatchDistinctSamplesFromItsOwnSeededStream() {
        SelectionStrategy s = SelectionStrategies.create(Policy.RANDOM, cfg().build(), NO_TENSORS, null);
        // the random policy's stream is seeded with seed * 31 + 2, whatever else the run draws
        SplittableRandom expected = new SplittableRandom(5 * 31 + 2);
        for (int k = 0; k < 3; k++) {
            int[] active = s.select(batch(64), null).active();
            assertArrayEquals(Gate.randomSubset(expected, 64, 16), active);
            assertEquals(16, Arrays.stream(active).distinct().count());
            assertTrue(Arrays.stream(active).allMatch(i -> i >= 0 && i < 64));
        }
        assertEquals(13, s.select(batch(50), null).count(50), "round(0.25 * 50) = 12.5 -> 13");
        assertEquals(1, s.select(batch(3), null).count(3), "never fewer than one");
    }

    @Test
    void randomDrawsDifferentSubsetsBatchAfterBatch() {
        SelectionStrategy s = SelectionStrategies.create(Policy.RANDOM, cfg().build(), NO_TENSORS, null);
        assertNotEquals(Arrays.toString(s.select(batch(64), null).active()),
                Arrays.toString(s.select(batch(64), null).active()));
    }

    @Test
    void factoryPicksOneStrategyPerPolicyAndMode() {
        assertInstanceOf(FullSelection.class, SelectionStrategies.create(Policy.FULL, cfg().build(), NO_TENSORS, null));
        assertInstanceOf(RandomSelection.class,
                SelectionStrategies.create(Policy.RANDOM, cfg().warmupEpochs(2).build(), NO_TENSORS, null),
                "warmup is an ast setting: the random control trains sparsely from epoch 1");
        assertInstanceOf(StaleAstSelection.class,
                SelectionStrategies.create(Policy.AST, cfg().selection("stale").build(), NO_TENSORS, null));
        assertInstanceOf(WarmupSelection.class,
                SelectionStrategies.create(Policy.AST, cfg().selection("stale").warmupEpochs(1).build(), NO_TENSORS,
                        null));
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            ImageTensors t = new ImageTensors(m.randomUniform(0f, 1f, new Shape(4, 1, 2, 2)),
                    m.create(new long[4]), new int[4], 2);
            assertInstanceOf(FreshAstSelection.class, SelectionStrategies.create(Policy.AST, cfg().build(), t, null));
        }
    }

    @Test
    void warmupTrainsEverythingThenHandsOverWithEpochsCountedFromOne() {
        Recorder inner = new Recorder();
        WarmupSelection s = new WarmupSelection(2, inner);
        int[] order = {0, 1, 2};
        for (int epoch = 1; epoch <= 2; epoch++) {
            assertSame(EpochPlan.WARMUP, s.startEpoch(epoch, order, 3));
            assertSame(BatchSelection.ALL, s.select(batch(3), null));
            s.trained(batch(3), null);
        }
        assertEquals(List.of(), inner.calls, "nothing of the warmup reaches the strategy");
        EpochPlan plan = s.startEpoch(3, order, 3);
        assertFalse(plan.warmup());
        BatchSelection sel = s.select(batch(3), null);
        s.trained(batch(1), null);
        assertEquals(List.of("start 1", "select 3", "trained 1"), inner.calls);
        assertArrayEquals(new int[] {1}, sel.active());
    }

    /** Records what the loop tells it. */
    private static final class Recorder implements SelectionStrategy {
        final List<String> calls = new ArrayList<>();

        @Override
        public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
            calls.add("start " + epoch);
            return EpochPlan.NONE;
        }

        @Override
        public BatchSelection select(long[] batch, NDManager manager) {
            calls.add("select " + batch.length);
            return BatchSelection.of(new int[] {1});
        }

        @Override
        public void trained(long[] samples, NDArray logits) {
            calls.add("trained " + samples.length);
        }
    }
}
