package org.adaptivesparse.training;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;
import org.adaptivesparse.selection.ImageTensors;
import org.adaptivesparse.selection.Significance;

/**
 * Each training sample's loss in its last training forward pass (NaN until trained once), kept for
 * every policy so the selection lift can be measured where a strategy scores nothing itself.
 */
final class LossMemory {
    private final ImageTensors train;
    private final float[] loss;

    LossMemory(ImageTensors train) {
        this.train = train;
        this.loss = new float[train.size()];
        Arrays.fill(loss, Float.NaN);
    }

    /** The stored losses of a batch's samples, NaN for samples not trained yet. */
    float[] of(long[] batch) {
        float[] out = new float[batch.length];
        for (int i = 0; i < batch.length; i++) {
            out[i] = loss[(int) batch[i]];
        }
        return out;
    }

    /** Stores the per-sample losses of a training forward pass over {@code samples}. */
    void remember(long[] samples, NDArray logits) {
        float[] losses = new float[samples.length];
        Significance.perSampleLoss(logits.stopGradient().toFloatArray(), train.classes(), train.labelIds(), samples,
                losses);
        for (int i = 0; i < samples.length; i++) {
            loss[(int) samples[i]] = losses[i];
        }
    }
}
