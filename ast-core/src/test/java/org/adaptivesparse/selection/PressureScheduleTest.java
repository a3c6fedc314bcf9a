package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.junit.jupiter.api.Test;

class PressureScheduleTest {

    @Test
    void constantKeepsTheConfiguredShareAfterThePrimingEpochs() {
        PressureSchedule s = new PressureSchedule(false, 2, 6);
        assertEquals(1.0, s.uniformShare(1, 0.3));
        assertEquals(1.0, s.uniformShare(2, 0.3));
        for (int e = 3; e <= 6; e++) {
            assertEquals(0.3, s.uniformShare(e, 0.3), "epoch " + e);
        }
        assertEquals(0.3, new PressureSchedule(false, 0, 6).uniformShare(1, 0.3), "the default changes nothing");
    }

    @Test
    void decayGrowsTheUniformShareLinearlyToOneByTheLastEpoch() {
        PressureSchedule s = new PressureSchedule(true, 1, 5);
        assertEquals(1.0, s.uniformShare(1, 0.2), "primed");
        assertEquals(0.2, s.uniformShare(2, 0.2), 1e-12);
        assertEquals(0.2 + 0.8 / 3, s.uniformShare(3, 0.2), 1e-12);
        assertEquals(0.2 + 1.6 / 3, s.uniformShare(4, 0.2), 1e-12);
        assertEquals(1.0, s.uniformShare(5, 0.2), 1e-12);
        assertEquals(0.2, new PressureSchedule(true, 0, 1).uniformShare(1, 0.2), "one epoch: nothing to decay");
    }

    @Test
    void theScheduleCountsTheEpochsAfterWarmup() {
        ExperimentConfig cfg = ExperimentConfig.builder().epochs(6).warmupEpochs(2).set("pressureSchedule", "decay")
                .build();
        PressureSchedule s = StoredScoreOptions.Settings.of(cfg).schedule();
        assertEquals(1.0, s.uniformShare(4, 0.5), 1e-12, "4 selecting epochs");
        ConfigException e = org.junit.jupiter.api.Assertions.assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().epochs(3).warmupEpochs(1).set("primeEpochs", 2).build());
        assertEquals("primeEpochs 2 is out of range; allowed: 0 to epochs - warmupEpochs - 1 (1)", e.getMessage());
        assertEquals("pressureSchedule 'fast' is not known; allowed: constant, decay", org.junit.jupiter.api.Assertions
                .assertThrows(ConfigException.class, () -> ExperimentConfig.builder().set("pressureSchedule", "fast"))
                .getMessage());
    }

    @Test
    void primedImportanceEpochIsUniformThenPressureStarts() {
        int n = 1000;
        ImportanceSelection s = new ImportanceSelection(new ImageTensors(null, null, new int[n], 10),
                ImportanceMode.Settings.of(ExperimentConfig.builder().epochs(3).set("primeEpochs", 1)
                        .targetActivation(0.1).selection("importance").build()), new SplittableRandom(1));
        long[] all = new long[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
            scores[i] = i % 10 + 1;
        }
        s.remember(all, scores);
        SplittableRandom shuffle = new SplittableRandom(2);
        int[] order = Permutations.shuffled(n, shuffle);
        s.startEpoch(1, order, 100);
        for (float w : s.select(batch(order), null).weights()) {
            assertEquals(1f, w, 1e-6f, "primed: uniform, weights 1");
        }
        order = Permutations.shuffled(n, shuffle);
        s.startEpoch(2, order, 100);
        float[] w = s.select(batch(order), null).weights();
        float min = Float.MAX_VALUE;
        float max = 0;
        for (float v : w) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        assertTrue(max > 1.5 * min, "pressure: unequal weights " + min + " .. " + max);
    }

    @Test
    void primedStaleEpochIgnoresTheStoredLosses() {
        int n = 1000;
        StaleAstSelection s = new StaleAstSelection(new ImageTensors(null, null, new int[n], 10), null,
                StaleMode.Settings.of(ExperimentConfig.builder().epochs(3).set("primeEpochs", 1).targetActivation(0.1)
                        .selection("stale").set("staleSampling", "greedy").set("staleExploration", 0.0).build()),
                new SplittableRandom(1));
        long[] all = new long[n];
        float[] loss = new float[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
            loss[i] = i >= 900 ? 5f : 0.1f;
        }
        s.remember(all, loss);
        SplittableRandom shuffle = new SplittableRandom(2);
        assertTrue(highChosen(s, 1, Permutations.shuffled(n, shuffle)) < 40, "primed: about 10 of the top 100");
        assertEquals(100, highChosen(s, 2, Permutations.shuffled(n, shuffle)), "then greedy: all of the top 100");
    }

    private static int highChosen(StaleAstSelection s, int epoch, int[] order) {
        s.startEpoch(epoch, order, 100);
        int k = 0;
        for (int i = 900; i < 1000; i++) {
            if (!s.choose(new long[] {i}).fallback()) {
                k++;
            }
        }
        return k;
    }

    private static long[] batch(int[] order) {
        long[] b = new long[100];
        for (int i = 0; i < 100; i++) {
            b[i] = order[i];
        }
        return b;
    }
}
