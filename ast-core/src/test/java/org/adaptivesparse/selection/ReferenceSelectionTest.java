package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.SplittableRandom;
import org.adaptivesparse.config.ConfigException;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.config.Policy;
import org.adaptivesparse.result.OneTimeCost;
import org.junit.jupiter.api.Test;

/** The reference-model modes: filter leaves the highest irreducible losses out; reducible trains the highest loss minus it. */
class ReferenceSelectionTest {
    private static final int N = 1000;
    private static final int B = 100;
    private static final OneTimeCost COST = new OneTimeCost(1.5, 10, 150, 2, 0.8, false);

    /** Sample i's irreducible loss is i / 100: the highest indices are the least learnable. */
    private static ReferenceLosses growing() {
        float[] l = new float[N];
        for (int i = 0; i < N; i++) {
            l[i] = i / 100f;
        }
        return new ReferenceLosses(l, COST);
    }

    private static ImageTensors labels() {
        return new ImageTensors(null, null, new int[N], 2);
    }

    private static long[] batch(int[] order, int from) {
        long[] batch = new long[B];
        for (int i = 0; i < B; i++) {
            batch[i] = order[from + i];
        }
        return batch;
    }

    @Test
    void filterNeverDrawsTheHighestIrreducibleLossesAndKeepsTheRandomControlsStepCount() {
        FilterSelection s = new FilterSelection(labels(), growing(), 0.1, 0.2, new SplittableRandom(1));
        for (int epoch = 1; epoch <= 3; epoch++) {
            int[] order = Permutations.shuffled(N, new SplittableRandom(epoch));
            s.startEpoch(epoch, order, B);
            int total = 0;
            for (int from = 0; from < N; from += B) {
                long[] batch = batch(order, from);
                int[] active = s.select(batch, null).active();
                assertEquals(10, active.length, "10 of each batch of 100, as random trains");
                for (int a : active) {
                    assertTrue(batch[a] < 800, "sample " + batch[a] + " is among the 20 % highest reference losses");
                }
                total += active.length;
            }
            assertEquals(100, total);
        }
    }

    @Test
    void storedReducibleTrainsTheHighestLossMinusIrreducibleLoss() {
        // current loss 2 * i / 100 (label 0, logits (0, 2i/100) give a loss growing with i), irreducible i / 100:
        // the reducible loss grows with i, so the budget is the 100 highest indices
        ReducibleSelection.Stored s = new ReducibleSelection.Stored(labels(), growing(), 0.1, new SplittableRandom(1));
        float[] rows = new float[2 * N];
        long[] all = new long[N];
        for (int i = 0; i < N; i++) {
            rows[2 * i + 1] = 2 * i / 100f;
            all[i] = i;
        }
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            s.trained(all, m.create(rows, new Shape(N, 2)));
        }
        int[] order = Permutations.shuffled(N, new SplittableRandom(3));
        s.startEpoch(2, order, B);
        int total = 0;
        for (int from = 0; from < N; from += B) {
            long[] batch = batch(order, from);
            for (int a : s.select(batch, null).active()) {
                assertTrue(batch[a] >= 900, "sample " + batch[a] + " is not among the 100 highest reducible losses");
                total++;
            }
        }
        assertEquals(100, total);
    }

    @Test
    void freshReducibleScoresEveryBatchAndTrainsItsTopTenPercent() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            int[] labels = new int[N];
            ImageTensors t = new ImageTensors(m.zeros(new Shape(N, 1)), m.create(new long[N]), labels, 2);
            // the model's loss of sample i is about x_i = the logit of the wrong class: 5 for the first 20 of a batch
            // (high loss, but also high irreducible loss: a wrong label), 3 for the next 10, 0 for the rest
            ScoringModel model = x -> {
                long n = x.getShape().get(0);
                float[] logits = new float[(int) n * 2];
                for (int i = 0; i < n; i++) {
                    logits[2 * i + 1] = i < 20 ? 5f : i < 30 ? 3f : 0f;
                }
                return x.getManager().create(logits, new Shape(n, 2));
            };
            float[] irreducible = new float[N];
            for (int i = 0; i < 20; i++) {
                irreducible[i] = 5f;
            }
            ReducibleSelection.Fresh s = new ReducibleSelection.Fresh(t, model, new ReferenceLosses(irreducible, COST),
                    0.1);
            long[] batch = new long[B];
            for (int i = 0; i < B; i++) {
                batch[i] = i;
            }
            try (NDManager bm = m.newSubManager()) {
                BatchSelection sel = s.select(batch, bm);
                assertArrayEquals(new int[] {20, 21, 22, 23, 24, 25, 26, 27, 28, 29}, sel.active(),
                        "the learnable high losses, not the unlearnable ones");
                assertEquals(B, sel.scored());
                assertEquals(B, sel.scores().length);
            }
        }
    }

    @Test
    void theModesAreMadeFromTheConfigurationAndNeedTheLosses() {
        ExperimentConfig filter = ExperimentConfig.builder().selection("filter").build();
        assertInstanceOf(FilterSelection.class, SelectionStrategies.create(Policy.AST, filter, labels(), null, growing()));
        assertInstanceOf(ReducibleSelection.Fresh.class, SelectionStrategies.create(Policy.AST,
                ExperimentConfig.builder().selection("reducible").build(), labels(), null, growing()));
        assertInstanceOf(ReducibleSelection.Stored.class, SelectionStrategies.create(Policy.AST,
                ExperimentConfig.builder().selection("reducible").set("reducibleScores", "stored").build(), labels(),
                null, growing()));
        assertThrows(NullPointerException.class, () -> SelectionStrategies.create(Policy.AST, filter, labels(), null));
        assertThrows(IllegalArgumentException.class, () -> SelectionStrategies.create(Policy.AST, filter,
                new ImageTensors(null, null, new int[10], 2), null, growing()));
    }

    @Test
    void theOptionsAreCheckedAndComparableOnlyWithTheirModes() {
        assertEquals("referenceHoldout 0.6 is out of range; allowed: 0 (two halves, nothing held out) to 0.5"
                + " (e.g. 0.15 or 15%)", assertThrows(ConfigException.class, () -> ExperimentConfig.builder()
                        .selection("filter").set("referenceHoldout", "60%").build()).getMessage());
        assertEquals("filterDrop 1.0 is out of range; allowed: 0 (drop none) up to but not including 1",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().selection("filter")
                        .set("filterDrop", 1).build()).getMessage());
        assertEquals("referenceEpochs 0 is out of range; allowed: 1 or more", assertThrows(ConfigException.class,
                () -> ExperimentConfig.builder().selection("reducible").set("referenceEpochs", 0).build()).getMessage());
        var settings = ExperimentConfig.builder().selection("filter").build().comparableSettings();
        assertEquals(0.2, settings.get("filterDrop"));
        assertEquals(0.15, settings.get("referenceHoldout"));
        assertEquals(2, settings.get("referenceEpochs"));
        assertTrue(!ExperimentConfig.builder().build().comparableSettings().containsKey("referenceHoldout"));
    }

    @Test
    void randomAllNeedsAHoldout() {
        assertEquals("controls lists random-all, the random control trained on the reference model's holdout too,"
                + " but selection fresh trains no reference model and holds nothing out; use selection reducible or"
                + " filter, or list random instead", assertThrows(ConfigException.class, () -> ExperimentConfig
                        .builder().controls("random-all").build()).getMessage());
        assertEquals("controls lists random-all, but referenceHoldout 0 (two halves) holds nothing out, so random-all"
                + " would be random again; list random, or set referenceHoldout above 0",
                assertThrows(ConfigException.class, () -> ExperimentConfig.builder().selection("filter")
                        .controls("random-all").set("referenceHoldout", 0).build()).getMessage());
    }

    @Test
    void smallLossDropGrowsOverItsRampEpochs() {
        SmallLossMode.Settings s = new SmallLossMode.Settings(0.1, 0.3, 2);
        assertEquals(0.0, s.dropAt(1), 1e-12);
        assertEquals(0.15, s.dropAt(2), 1e-12);
        assertEquals(0.3, s.dropAt(3), 1e-12);
        assertEquals(0.3, s.dropAt(7), 1e-12);
        assertEquals(0.3, new SmallLossMode.Settings(0.1, 0.3, 0).dropAt(1), 1e-12);
    }
}
