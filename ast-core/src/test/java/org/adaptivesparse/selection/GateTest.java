package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adaptivesparse.config.GateMode;
import org.junit.jupiter.api.Test;

class GateTest {

    @Test
    void hardGateKeepsSamplesStrictlyAboveThreshold() {
        Gate.Selection s = new Gate(GateMode.HARD, 1).select(new float[] {0.2f, 0.5f, 0.51f, 0.9f}, 0.5);
        assertArrayEquals(new int[] {2, 3}, s.active());
        assertFalse(s.fallback());
    }

    @Test
    void fallbackTakesTwoSeededRandomSamples() {
        float[] low = new float[64];
        Gate.Selection a = new Gate(GateMode.HARD, 9).select(low, 0.5);
        Gate.Selection b = new Gate(GateMode.HARD, 9).select(low, 0.5);
        assertTrue(a.fallback());
        assertEquals(Gate.FALLBACK, a.count());
        assertArrayEquals(a.active(), b.active());
        assertTrue(a.active()[0] != a.active()[1]);
    }

    @Test
    void probabilisticGateFollowsTheSigmoid() {
        Gate g = new Gate(GateMode.PROBABILISTIC, 3);
        float[] sig = new float[10_000];
        java.util.Arrays.fill(sig, 0.6f);
        int n = g.select(sig, 0.5).count();
        double p = 1 / (1 + Math.exp(-(0.1 / Gate.TEMPERATURE)));
        assertEquals(p, n / 10_000.0, 0.02);
    }

    @Test
    void randomSubsetIsDistinctAndSorted() {
        int[] s = Gate.randomSubset(new java.util.SplittableRandom(5), 128, 13);
        assertEquals(13, s.length);
        for (int i = 1; i < s.length; i++) {
            assertTrue(s[i] > s[i - 1]);
        }
    }
}
