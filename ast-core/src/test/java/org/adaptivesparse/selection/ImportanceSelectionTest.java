package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.junit.jupiter.api.Test;

class ImportanceSelectionTest {
    private static final int N = 1000;
    private static final int B = 64;

    private static ImportanceSelection strategy(ExperimentConfig.Builder cfg) {
        return new ImportanceSelection(new ImageTensors(null, null, new int[N], 10),
                ImportanceMode.Settings.of(cfg.targetActivation(0.1).batchSize(B).selection("importance").build()),
                new SplittableRandom(1));
    }

    private static long[] all() {
        long[] idx = new long[N];
        for (int i = 0; i < N; i++) {
            idx[i] = i;
        }
        return idx;
    }

    /** Score i % 10 + 1: ten levels, the highest ten times the lowest. */
    private static float[] levels() {
        float[] s = new float[N];
        for (int i = 0; i < N; i++) {
            s[i] = i % 10 + 1;
        }
        return s;
    }

    private static long[] batch(int[] order, int from) {
        long[] b = new long[Math.min(B, order.length - from)];
        for (int i = 0; i < b.length; i++) {
            b[i] = order[from + i];
        }
        return b;
    }

    @Test
    void probabilitiesAreTheScorePowerMixedWithTheUniformFloor() {
        double[] q = ImportanceSelection.probabilities(new double[] {1, 2, 3, 0}, 2.0, 0.2);
        // scores^2 = 1, 4, 9, 0 (sum 14); 0.8 of that, plus 0.2 / 4 each
        assertArrayEquals(new double[] {0.8 / 14 + 0.05, 3.2 / 14 + 0.05, 7.2 / 14 + 0.05, 0.05}, q, 1e-12);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25},
                ImportanceSelection.probabilities(new double[] {1, 2, 3, 4}, 0.0, 0.2), 1e-12, "alpha 0: uniform");
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25},
                ImportanceSelection.probabilities(new double[] {1, 2, 3, 4}, 1.0, 1.0), 1e-12, "floor 1: uniform");
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25},
                ImportanceSelection.probabilities(new double[] {0, 0, 0, 0}, 1.0, 0.2), 1e-12, "no score: uniform");
    }

    @Test
    void inclusionProbabilitiesSumToTheBudgetAndAreCappedAtOne() {
        double[] pi = ImportanceSelection.inclusion(new double[] {0.7, 0.1, 0.1, 0.1}, 2);
        // 2 * 0.7 > 1: taken surely; the other draw is shared by the rest, 1/3 each
        assertArrayEquals(new double[] {1, 1.0 / 3, 1.0 / 3, 1.0 / 3}, pi, 1e-12);
        double[] flat = ImportanceSelection.inclusion(new double[] {0.25, 0.25, 0.25, 0.25}, 1);
        assertArrayEquals(new double[] {0.25, 0.25, 0.25, 0.25}, flat, 1e-12);
    }

    @Test
    void systematicSamplingTakesEverySampleWithItsInclusionProbability() {
        double[] pi = ImportanceSelection.inclusion(ImportanceSelection.probabilities(
                new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 30}, 1.0, 0.2), 3);
        SplittableRandom r = new SplittableRandom(5);
        int draws = 40_000;
        int[] taken = new int[10];
        for (int d = 0; d < draws; d++) {
            int[] order = Permutations.shuffled(10, r);
            int[] picked = ImportanceSelection.systematic(order, pi, 3, r);
            assertEquals(3, java.util.Arrays.stream(picked).distinct().count(), "without replacement");
            for (int i : picked) {
                taken[i]++;
            }
        }
        for (int i = 0; i < 10; i++) {
            assertEquals(pi[i], (double) taken[i] / draws, 0.01, "sample " + i);
        }
    }

    @Test
    void weightedMeanOfAPerSampleQuantityIsUnbiased() {
        ImportanceSelection s = strategy(ExperimentConfig.builder().set("importanceFloor", 0.2));
        s.remember(all(), levels());
        // a per-sample quantity that grows with the score, as the loss does: importance sampling draws
        // its large values more often, and only the weights bring the estimate back to the uniform mean
        double[] f = new double[N];
        double uniform = 0;
        for (int i = 0; i < N; i++) {
            f[i] = (i % 10 + 1) * (i % 10 + 1) + (i % 7);
            uniform += f[i] / N;
        }
        SplittableRandom shuffle = new SplittableRandom(3);
        double weighted = 0;
        double unweighted = 0;
        int batches = 0;
        for (int epoch = 0; epoch < 400; epoch++) {
            int[] order = Permutations.shuffled(N, shuffle);
            s.planEpoch(order, B);
            for (int from = 0; from < N; from += B) {
                long[] b = batch(order, from);
                BatchSelection sel = s.select(b, null);
                double w = 0;
                double u = 0;
                for (int j = 0; j < sel.active().length; j++) {
                    double v = f[(int) b[sel.active()[j]]];
                    w += sel.weights()[j] * v;
                    u += v;
                }
                weighted += w / sel.active().length;
                unweighted += u / sel.active().length;
                batches++;
            }
        }
        weighted /= batches;
        unweighted /= batches;
        assertTrue(unweighted > 1.3 * uniform, "sampling prefers high scores: " + unweighted + " vs " + uniform);
        assertEquals(uniform, weighted, 0.03 * uniform, "weights make the step's loss unbiased");
    }

    @Test
    void weightsHaveMeanOneOverTheEpochAndAreClipped() {
        ImportanceSelection s = strategy(ExperimentConfig.builder().set("importanceFloor", 0.05)
                .set("importanceAlpha", 3.0));
        float[] scores = levels();
        scores[0] = 1000f;
        s.remember(all(), scores);
        int[] order = Permutations.shuffled(N, new SplittableRandom(2));
        s.planEpoch(order, B);
        double sum = 0;
        int count = 0;
        float min = Float.MAX_VALUE;
        float max = 0;
        for (int from = 0; from < N; from += B) {
            float[] w = s.select(batch(order, from), null).weights();
            assertNotNull(w);
            for (float v : w) {
                sum += v;
                count++;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        assertEquals(100, count);
        assertEquals(1.0, sum / count, 1e-5);
        assertTrue(max / min <= ImportanceSelection.MAX_WEIGHT / ImportanceSelection.MIN_WEIGHT + 1e-3,
                "clipped to [0.1, 10] before normalising: " + min + " .. " + max);
        assertTrue(max / min > 10, "the floor 0.05 allows weights up to 20: " + min + " .. " + max);
        assertEquals(10.0, ImportanceSelection.clip(400.0));
        assertEquals(0.1, ImportanceSelection.clip(0.001));
    }

    @Test
    void stepCountAndSubBatchSizesAreThoseOfTheEpochRandomControl() {
        ImportanceSelection s = strategy(ExperimentConfig.builder());
        s.remember(all(), levels());
        EpochRandomSelection random = new EpochRandomSelection(0.1, N, new SplittableRandom(4));
        SplittableRandom shuffle = new SplittableRandom(6);
        int perBatch = (int) Math.round(0.1 * B);
        for (int epoch = 1; epoch <= 3; epoch++) {
            int[] order = Permutations.shuffled(N, shuffle);
            int[] order2 = order.clone();
            s.startEpoch(epoch, order, B);
            random.startEpoch(epoch, order2, B);
            int total = 0;
            for (int from = 0; from < N; from += B) {
                int a = s.select(batch(order, from), null).active().length;
                int b = random.select(batch(order2, from), null).active().length;
                assertEquals(b, a, "batch at " + from);
                assertTrue(Math.abs(a - perBatch) <= 1, a + " of " + B);
                total += a;
            }
            assertEquals(100, total, "round(0.1 * 1000) per epoch");
        }
    }

    @Test
    void unseenSamplesCountAtTheLargestKnownScoreAndNoScoresIsUniform() {
        ImportanceSelection s = strategy(ExperimentConfig.builder());
        int[] order = Permutations.shuffled(N, new SplittableRandom(8));
        s.planEpoch(order, B);
        BatchSelection first = s.select(batch(order, 0), null);
        for (float w : first.weights()) {
            assertEquals(1f, w, 1e-6f, "nothing seen yet: uniform, weights 1");
        }
        assertNull(BatchSelection.of(new int[] {1}).weights());
    }

    @Test
    void madeForTheImportanceMode() {
        assertInstanceOf(ImportanceSelection.class, SelectionStrategies.create(Policy.AST,
                ExperimentConfig.builder().selection("importance").build(), new ImageTensors(null, null, new int[N], 10),
                null));
    }
}
