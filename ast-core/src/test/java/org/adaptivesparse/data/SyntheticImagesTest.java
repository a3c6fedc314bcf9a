package org.adaptivesparse.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SyntheticImagesTest {

    @Test
    void defaultsAndShape() {
        DataSplit split = SyntheticImages.generate(0, 0, 7);

        assertEquals(SyntheticImages.DEFAULT_TRAIN, split.train().size());
        assertEquals(SyntheticImages.DEFAULT_TEST, split.test().size());
        assertEquals(1, split.train().channels());
        assertEquals(28, split.train().height());
        assertEquals(28, split.train().width());
        assertEquals(10, split.train().classes());
        int[] counts = new int[10];
        for (int l : split.train().labels()) {
            counts[l]++;
        }
        for (int c : counts) {
            assertTrue(c > 100, "every class is present in about equal numbers: " + Arrays.toString(counts));
        }
        for (float v : split.train().pixels()) {
            assertTrue(v >= 0f && v <= 1f, "pixel " + v);
        }
    }

    @Test
    void sameSeedSameData_differentSeedDifferentData() {
        DataSplit a = SyntheticImages.generate(300, 50, 42);
        DataSplit b = SyntheticImages.generate(300, 50, 42);
        DataSplit c = SyntheticImages.generate(300, 50, 43);

        assertArrayEquals(a.train().pixels(), b.train().pixels());
        assertArrayEquals(a.train().labels(), b.train().labels());
        assertArrayEquals(a.test().pixels(), b.test().pixels());
        assertFalse(Arrays.equals(a.train().pixels(), c.train().pixels()));
        assertFalse(Arrays.equals(a.train().pixels(), Arrays.copyOf(a.test().pixels(), a.train().pixels().length)));
    }

    @Test
    void perSampleSpreadVaries() {
        ImageSet set = SyntheticImages.generate(500, 10, 1).train();
        int per = set.pixelsPerImage();
        double min = Double.MAX_VALUE;
        double max = 0;
        for (int i = 0; i < set.size(); i++) {
            double sum = 0;
            double sq = 0;
            for (int p = 0; p < per; p++) {
                double v = set.pixels()[i * per + p];
                sum += v;
                sq += v * v;
            }
            double mean = sum / per;
            double std = Math.sqrt(sq / per - mean * mean);
            min = Math.min(min, std);
            max = Math.max(max, std);
        }
        assertTrue(max > 2 * min, "per-sample std ranges from " + min + " to " + max);
    }

    /** A nearest-centroid classifier fitted on the training set must do far better than chance. */
    @Test
    void learnable() {
        DataSplit split = SyntheticImages.generate(1000, 300, 5);
        ImageSet train = split.train();
        int per = train.pixelsPerImage();
        double[][] centroid = new double[10][per];
        int[] n = new int[10];
        for (int i = 0; i < train.size(); i++) {
            int l = train.labels()[i];
            n[l]++;
            for (int p = 0; p < per; p++) {
                centroid[l][p] += train.pixels()[i * per + p];
            }
        }
        for (int c = 0; c < 10; c++) {
            for (int p = 0; p < per; p++) {
                centroid[c][p] /= n[c];
            }
        }
        ImageSet test = split.test();
        int correct = 0;
        for (int i = 0; i < test.size(); i++) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 10; c++) {
                // correlation with the centred template, so brightness does not decide
                double mean = Arrays.stream(centroid[c]).average().orElse(0);
                double score = 0;
                for (int p = 0; p < per; p++) {
                    score += (centroid[c][p] - mean) * test.pixels()[i * per + p];
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            if (best == test.labels()[i]) {
                correct++;
            }
        }
        double accuracy = correct / (double) test.size();
        assertTrue(accuracy > 0.9, "nearest-centroid accuracy " + accuracy);
    }

    @Test
    void customShape() {
        DataSplit split = SyntheticImages.generate(20, 10, 3, 32, 32, 4, 9);

        assertEquals(3, split.train().channels());
        assertEquals(32, split.test().width());
        assertEquals(4, split.train().classes());
        assertEquals(20 * 3 * 32 * 32, split.train().pixels().length);
        assertTrue(Arrays.stream(split.train().labels()).allMatch(l -> l >= 0 && l < 4));
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.generate(-1, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.generate(1, 1, 1, 2, 2, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> SyntheticImages.generate(1, 1, 1, 28, 28, 1, 1));
    }
}
