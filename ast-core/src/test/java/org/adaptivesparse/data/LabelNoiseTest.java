package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LabelNoiseTest {
    private static final DataSplit DATA = SyntheticImages.generate(20_000, 500, 3);

    @Test
    void symmetricNoiseChangesTheRateOfLabelsToOtherClassesAlike() {
        LabelNoise.Noisy noisy = LabelNoise.apply(DATA, 0.3, LabelNoise.Kind.SYMMETRIC, 7);

        int[] clean = DATA.train().labels();
        int[] dirty = noisy.split().train().labels();
        int classes = DATA.train().classes();
        int[][] moved = new int[classes][classes];
        for (int i = 0; i < clean.length; i++) {
            assertEquals(clean[i] != dirty[i], noisy.corrupted()[i], "sample " + i);
            moved[clean[i]][dirty[i]]++;
        }
        assertEquals(0.3, noisy.share(), 0.01);
        // every wrong class is about as likely as any other: no class keeps its label by "corruption"
        for (int k = 0; k < classes; k++) {
            for (int j = 0; j < classes; j++) {
                if (j != k) {
                    assertTrue(moved[k][j] > 0, k + " -> " + j);
                }
            }
        }
        // the test set is untouched, the pixels shared
        assertSame(DATA.test(), noisy.split().test());
        assertSame(DATA.train().pixels(), noisy.split().train().pixels());
    }

    @Test
    void pairNoiseFlipsEachClassToItsNeighbour() {
        LabelNoise.Noisy noisy = LabelNoise.apply(DATA, 0.2, LabelNoise.Kind.PAIRS, 7);
        int[] clean = DATA.train().labels();
        int[] dirty = noisy.split().train().labels();
        int classes = DATA.train().classes();
        for (int i = 0; i < clean.length; i++) {
            assertTrue(dirty[i] == clean[i] || dirty[i] == (clean[i] + 1) % classes, "sample " + i);
        }
        assertEquals(0.2, noisy.share(), 0.01);
    }

    @Test
    void theSameSeedGivesTheSameLabelsAndAnotherSeedOthers() {
        int[] a = LabelNoise.apply(DATA, 0.3, LabelNoise.Kind.SYMMETRIC, 7).split().train().labels();
        assertArrayEquals(a, LabelNoise.apply(DATA, 0.3, LabelNoise.Kind.SYMMETRIC, 7).split().train().labels());
        assertNotEquals(java.util.Arrays.toString(a),
                java.util.Arrays.toString(LabelNoise.apply(DATA, 0.3, LabelNoise.Kind.SYMMETRIC, 8).split().train().labels()));
    }

    @Test
    void noNoiseLeavesTheDataAsItWas() {
        LabelNoise.Noisy noisy = LabelNoise.apply(DATA, 0, LabelNoise.Kind.SYMMETRIC, 7);
        assertSame(DATA, noisy.split());
        assertEquals(0, noisy.share());
    }
}
