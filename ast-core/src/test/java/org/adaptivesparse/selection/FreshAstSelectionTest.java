package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.concurrent.atomic.AtomicInteger;
import org.adaptivesparse.config.GateMode;
import org.adaptivesparse.control.PiController;
import org.junit.jupiter.api.Test;

class FreshAstSelectionTest {
    /**
     * One row per batch position. Two classes, every label 0, so logits (0, z) give the loss
     * log(1 + e^z): about 0, 0, 0.69 and 3.05, over their mean 0.94 a loss-only significance of 0, 0,
     * 0.37 and 1.
     */
    private static final float[] LOGITS = {0f, -10f, 0f, -10f, 0f, 0f, 0f, 3f};
    private static final long[] BATCH = {3, 2, 1, 0};

    /** Target 0.5 against a batch rate of 0.25 or 0.5: the threshold falls until the third sample passes. */
    private static PiController controller() {
        return new PiController(0.5, 0.3, 0.01, 0.5, 0.5);
    }

    private static FreshAstSelection strategy(NDManager m, ScoringModel model) {
        ImageTensors train = new ImageTensors(m.randomUniform(0f, 1f, new Shape(4, 1, 2, 2)), m.create(new long[4]),
                new int[4], 2);
        return new FreshAstSelection(train, model, new Significance(1.0, 0.0), new Gate(GateMode.HARD, 1),
                controller());
    }

    @Test
    void scoresEverySampleGatesAtTheThresholdAndFeedsTheBatchRateToTheController() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            AtomicInteger forwards = new AtomicInteger();
            FreshAstSelection s = strategy(m, images -> {
                forwards.incrementAndGet();
                assertEquals(new Shape(4, 1, 2, 2), images.getShape());
                return images.getManager().create(LOGITS, new Shape(4, 2));
            });
            PiController reference = controller();
            s.startEpoch(1, new int[] {0, 1, 2, 3}, 4);
            // thresholds 0.5, 0.4625, 0.405 keep the 0.37 sample out; 0.336 lets it in
            int[][] expected = {{3}, {3}, {3}, {2, 3}};
            for (int[] active : expected) {
                try (NDManager bm = m.newSubManager()) {
                    BatchSelection sel = s.select(BATCH, bm);
                    assertArrayEquals(active, sel.active(), "threshold " + reference.threshold());
                    assertEquals(4, sel.scored());
                    assertEquals(reference.update(active.length / 4.0), sel.threshold(), 0.0);
                    assertEquals(reference.ema(), sel.ema(), 0.0);
                }
            }
            assertEquals(4, forwards.get(), "one scoring forward per batch");
        }
    }

    @Test
    void theControllerStartsOverInTheStrategysFirstEpochOnly() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            FreshAstSelection s = strategy(m, images -> images.getManager().create(LOGITS, new Shape(4, 2)));
            try (NDManager bm = m.newSubManager()) {
                s.startEpoch(1, new int[4], 4);
                double first = s.select(BATCH, bm).threshold();
                s.startEpoch(2, new int[4], 4);
                assertNotEquals(first, s.select(BATCH, bm).threshold(), "no reset in a later epoch");
                s.startEpoch(1, new int[4], 4);
                assertEquals(first, s.select(BATCH, bm).threshold(), 0.0);
            }
        }
    }
}
