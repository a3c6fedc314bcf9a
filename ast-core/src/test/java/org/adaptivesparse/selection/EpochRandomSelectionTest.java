package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.config.RandomSampling;
import org.junit.jupiter.api.Test;

class EpochRandomSelectionTest {

    @Test
    void everySampleOncePerOneOverTargetEpochsSpreadEvenlyOverTheBatches() {
        int n = 640;
        int batchSize = 64;
        EpochRandomSelection s = new EpochRandomSelection(0.25, n, new SplittableRandom(3));
        int[] trainedTimes = new int[n];
        SplittableRandom shuffle = new SplittableRandom(9);
        for (int epoch = 1; epoch <= 4; epoch++) {
            int[] order = shuffle.ints(0, n).distinct().limit(n).toArray();
            s.startEpoch(epoch, order, batchSize);
            for (int from = 0; from < n; from += batchSize) {
                long[] batch = new long[batchSize];
                for (int i = 0; i < batchSize; i++) {
                    batch[i] = order[from + i];
                }
                int[] active = s.select(batch, null).active();
                assertEquals(16, active.length, "round(0.25 * 64) per batch, like the per-batch control");
                for (int a : active) {
                    trainedTimes[(int) batch[a]]++;
                }
            }
        }
        for (int i = 0; i < n; i++) {
            assertEquals(1, trainedTimes[i], "sample " + i + " trained once in 4 epochs at 25 %");
        }
    }

    @Test
    void chosenByRandomSampling() {
        ImageTensors t = new ImageTensors(null, null, new int[100], 10);
        assertInstanceOf(RandomSelection.class, SelectionStrategies.create(Policy.RANDOM,
                ExperimentConfig.builder().build(), t, null));
        assertInstanceOf(EpochRandomSelection.class, SelectionStrategies.create(Policy.RANDOM,
                ExperimentConfig.builder().randomSampling("epoch").build(), t, null));
    }

    @Test
    void theNamedRandomControlsIgnoreRandomSampling() {
        ImageTensors t = new ImageTensors(null, null, new int[100], 10);
        for (String sampling : new String[] {"batch", "epoch"}) {
            ExperimentConfig cfg = ExperimentConfig.builder().randomSampling(sampling).build();
            assertInstanceOf(RandomSelection.class, SelectionStrategies.create(Policy.RANDOM_BATCH, cfg, t, null));
            assertInstanceOf(EpochRandomSelection.class, SelectionStrategies.create(Policy.RANDOM_EPOCH, cfg, t, null));
        }
        assertEquals("epoch", Policy.RANDOM.sampling(RandomSampling.EPOCH));
        assertEquals("batch", Policy.RANDOM_BATCH.sampling(RandomSampling.EPOCH));
        assertEquals(null, Policy.FULL.sampling(RandomSampling.EPOCH));
    }
}
