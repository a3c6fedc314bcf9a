package org.adaptivesparse.training;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.adaptivesparse.selection.ImageTensors;
import org.adaptivesparse.selection.ScoringModel;
import org.adaptivesparse.selection.Significance;

/**
 * A model's score on the test set, in inference mode.
 *
 * @param accuracy share of test samples classified correctly
 * @param loss     mean cross-entropy over the test samples
 */
record TestEvaluation(double accuracy, double loss) {
    static TestEvaluation of(ImageTensors test, ScoringModel model) {
        long correct = 0;
        double lossSum = 0;
        int n = test.size();
        for (int from = 0; from < n; from += ImageTensors.SWEEP_BATCH) {
            int to = Math.min(n, from + ImageTensors.SWEEP_BATCH);
            try (NDManager bm = test.images().getManager().newSubManager()) {
                NDArray x = test.images().get(bm, new NDIndex("{}:{}", from, to));
                NDArray y = test.labels().get(bm, new NDIndex("{}:{}", from, to));
                NDArray logits = model.logits(x);
                correct += logits.argMax(1).eq(y).sum().getLong();
                lossSum += Significance.perSampleLoss(logits, y).sum().getFloat();
            }
        }
        return new TestEvaluation((double) correct / n, lossSum / n);
    }

    /** Each sample's cross-entropy under {@code model}, in the set's order, in inference mode. */
    static float[] perSampleLosses(ImageTensors set, ScoringModel model) {
        int n = set.size();
        float[] out = new float[n];
        for (int from = 0; from < n; from += ImageTensors.SWEEP_BATCH) {
            int to = Math.min(n, from + ImageTensors.SWEEP_BATCH);
            try (NDManager bm = set.images().getManager().newSubManager()) {
                NDArray x = set.images().get(bm, new NDIndex("{}:{}", from, to));
                NDArray y = set.labels().get(bm, new NDIndex("{}:{}", from, to));
                float[] l = Significance.perSampleLoss(model.logits(x), y).toFloatArray();
                System.arraycopy(l, 0, out, from, l.length);
            }
        }
        return out;
    }
}
