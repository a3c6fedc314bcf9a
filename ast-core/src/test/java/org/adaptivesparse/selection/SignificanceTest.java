package org.adaptivesparse.selection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.loss.Loss;
import org.junit.jupiter.api.Test;

class SignificanceTest {

    @Test
    void matchesHandComputedValues() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // losses 1, 2, 5: mean 8/3 -> ratios 0.375, 0.75, 1.875 -> halves 0.1875, 0.375, 0.9375
            // stds 0, 1, 3: mean 4/3 -> ratios 0, 0.75, 2.25 (clamped 2) -> halves 0, 0.375, 1
            NDArray losses = m.create(new float[] {1f, 2f, 5f});
            NDArray stds = m.create(new float[] {0f, 1f, 3f});
            float[] sig = new Significance(0.7, 0.3).score(losses, stds).toFloatArray();
            float[] expected = {0.7f * 0.1875f, 0.7f * 0.375f + 0.3f * 0.375f, 0.7f * 0.9375f + 0.3f};
            assertArrayEquals(expected, sig, 1e-5f);

            float[] plain = new float[3];
            new Significance(0.7, 0.3).score(new float[] {1f, 2f, 5f}, new float[] {0f, 1f, 3f}, plain);
            assertArrayEquals(expected, plain, 1e-5f);
        }
    }

    @Test
    void perSampleLossIsCrossEntropy() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = m.create(new float[] {0f, 0f, 2f, 0f}, new Shape(2, 2));
            NDArray labels = m.create(new long[] {1, 0});
            float[] l = Significance.perSampleLoss(logits, labels).toFloatArray();
            assertArrayEquals(new float[] {(float) Math.log(2), (float) Math.log(1 + Math.exp(-2))}, l, 1e-5f);
        }
    }

    @Test
    void weightedStepLossWithUnitWeightsIsTheTrainersLoss() {
        // the weighted training step takes the mean of perSampleLoss * weights; with weights of 1 it must be
        // the loss DJL's trainer minimises on the unweighted path
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDArray logits = m.create(new float[] {0.3f, -1f, 2f, 0.5f, 0.1f, -0.7f, 1.2f, 3f, -2f}, new Shape(3, 3));
            NDArray labels = m.create(new long[] {2, 0, 1});
            float djl = Loss.softmaxCrossEntropyLoss().evaluate(new NDList(labels), new NDList(logits)).getFloat();
            float weighted = Significance.perSampleLoss(logits, labels).mul(m.ones(new Shape(3))).mean().getFloat();
            assertEquals(djl, weighted, 1e-6f);
        }
    }

    @Test
    void pixelStdIsPerSampleOverAllPixels() {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // sample 0: pixels 0,0,1,1 -> std 0.5; sample 1: all 0.3 -> std 0
            NDArray x = m.create(new float[] {0f, 0f, 1f, 1f, 0.3f, 0.3f, 0.3f, 0.3f}, new Shape(2, 1, 2, 2));
            assertArrayEquals(new float[] {0.5f, 0f}, Significance.pixelStd(x).toFloatArray(), 1e-6f);
        }
    }
}
