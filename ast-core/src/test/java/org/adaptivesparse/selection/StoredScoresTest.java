package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class StoredScoresTest {
    private static final float LN3 = (float) Math.log(3);

    @Test
    void gradNormIsTheDistanceOfTheSoftmaxFromTheOneHotLabel() {
        float[] logits = {0f, 0f, 10f, -10f, LN3, 0f, 0f, 0f, 0f};
        // rows 0-2: two classes; softmax (0.5, 0.5) label 0, (1, 0) label 1, (0.75, 0.25) label 0
        float[] out = new float[3];
        Significance.gradNorm(logits, 2, new int[] {0, 1, 0}, new long[] {0, 1, 2}, out);
        assertArrayEquals(new float[] {(float) Math.sqrt(0.5), (float) Math.sqrt(2), (float) Math.sqrt(2 * 0.25 * 0.25)},
                out, 1e-5f);
        // three equal logits, label 2: softmax 1/3 each -> (1/3, 1/3, -2/3), norm sqrt(6)/3
        float[] three = new float[1];
        Significance.gradNorm(new float[] {1f, 1f, 1f}, 3, new int[] {2}, new long[] {0}, three);
        assertEquals((float) (Math.sqrt(6) / 3), three[0], 1e-5f);
    }

    @Test
    void eachKindStoresItsScore() {
        int[] labels = {0, 1};
        float[] logits = {LN3, 0f, LN3, 0f};
        ImageTensors noImages = new ImageTensors(null, null, labels, 2);
        long[] idx = {0, 1};

        StoredScores loss = new StoredScores(noImages, ScoreKind.LOSS, null);
        loss.rememberLogits(idx, logits);
        assertEquals((float) -Math.log(0.75), loss.get(0, -1f), 1e-5f);
        assertEquals((float) -Math.log(0.25), loss.get(1, -1f), 1e-5f);

        StoredScores grad = new StoredScores(noImages, ScoreKind.GRADNORM, null);
        grad.rememberLogits(idx, logits);
        assertEquals((float) Math.sqrt(2 * 0.25 * 0.25), grad.get(0, -1f), 1e-5f);
        assertEquals((float) Math.sqrt(2 * 0.75 * 0.75), grad.get(1, -1f), 1e-5f);

        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // pixel spreads 0 (flat image) and 1 (pixels -1, 1, -1, 1)
            ImageTensors t = new ImageTensors(m.create(new float[] {2, 2, 2, 2, -1, 1, -1, 1}, new Shape(2, 1, 2, 2)),
                    null, labels, 2);
            StoredScores article = new StoredScores(t, ScoreKind.ARTICLE, new Significance(0.7, 0.3));
            article.rememberLogits(idx, logits);
            float[] expected = new float[2];
            new Significance(0.7, 0.3).score(new float[] {(float) -Math.log(0.75), (float) -Math.log(0.25)},
                    new float[] {0f, 1f}, expected);
            assertEquals(expected[0], article.get(0, -1f), 1e-5f);
            assertEquals(expected[1], article.get(1, -1f), 1e-5f);
        }
        assertEquals(-1f, new StoredScores(noImages).get(0, -1f), "never seen");
    }

    @Test
    void meanAndMaxOfTheKnownScores() {
        StoredScores s = new StoredScores(new ImageTensors(null, null, new int[4], 2));
        assertEquals(0f, s.mean());
        s.remember(new long[] {0, 2}, new float[] {1f, 3f});
        s.remember(new long[] {2}, new float[] {5f});
        s.remember(new long[] {1}, new float[] {Float.NaN});
        assertEquals(3f, s.mean(), 1e-6f);
        assertEquals(5f, s.max());
        assertEquals(3f, s.get(1, 3f), "a NaN score is not stored");
    }
}
