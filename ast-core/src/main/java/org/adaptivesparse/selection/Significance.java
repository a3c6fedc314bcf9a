package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;

/**
 * Scores how much each sample of a batch has left to teach: a weighted mix of its loss and its
 * pixel-intensity spread, each normalised by the batch mean so the threshold means the same thing
 * whatever the model's current loss level.
 *
 * <pre>
 * loss_n = clamp(l_i / (mean(l) + 1e-6), 0, 2) / 2
 * std_n  = clamp(s_i / (mean(s) + 1e-6), 0, 2) / 2
 * significance = lossWeight * loss_n + stdWeight * std_n
 * </pre>
 * All vectorised NDArray operations; no per-sample Java loop.
 */
public final class Significance {
    static final float EPS = 1e-6f;

    private final float lossWeight;
    private final float stdWeight;

    public Significance(double lossWeight, double stdWeight) {
        this.lossWeight = (float) lossWeight;
        this.stdWeight = (float) stdWeight;
    }

    /**
     * Per-sample cross-entropy from logits, shape (B, K) and integer labels (B).
     */
    public static NDArray perSampleLoss(NDArray logits, NDArray labels) {
        NDArray logp = logits.logSoftmax(1);
        return logp.mul(labels.oneHot((int) logits.getShape().get(1))).sum(new int[] {1}).neg();
    }

    /**
     * Per-sample population standard deviation of the pixels over C, H and W, from images (B, C, H, W).
     */
    public static NDArray pixelStd(NDArray images) {
        NDArray flat = images.reshape(images.getShape().get(0), -1);
        NDArray mean = flat.mean(new int[] {1}, true);
        return flat.sub(mean).square().mean(new int[] {1}).sqrt();
    }

    /** Significance in [0, 1] per sample from per-sample losses and pixel spreads, both shape (B). */
    public NDArray score(NDArray losses, NDArray stds) {
        NDArray lossN = normalise(losses);
        if (stdWeight == 0f) {
            return lossN.mul(lossWeight);
        }
        return lossN.mul(lossWeight).add(normalise(stds).mul(stdWeight));
    }

    private static NDArray normalise(NDArray x) {
        return x.div(x.mean().add(EPS)).clip(0f, 2f).div(2f);
    }

    /**
     * Per-sample cross-entropy on the Java side, from row-major logits (B x K) copied out of the
     * engine in one call. The stale mode uses it to remember the losses of a training forward pass
     * it has already paid for (a dozen samples, needed on the Java side anyway). Fresh scoring uses
     * the vectorised {@link #perSampleLoss(NDArray, NDArray)}; JMH measured the two at 108 µs and
     * 11 µs per batch of 128, both under 0.2% of a training step.
     *
     * @param logits  B x K logits, row-major
     * @param classes K
     * @param labels  the label of every sample of the data set
     * @param idx     the data-set index of each of the B rows
     * @param out     B losses are written here
     */
    public static void perSampleLoss(float[] logits, int classes, int[] labels, long[] idx, float[] out) {
        for (int i = 0; i < idx.length; i++) {
            int o = i * classes;
            float max = rowMax(logits, o, classes);
            double sum = expSum(logits, o, classes, max);
            out[i] = (float) (Math.log(sum) + max - logits[o + labels[(int) idx[i]]]);
        }
    }

    /**
     * Per-sample {@code ||softmax(logits) - onehot(label)||_2}, the norm of the cross-entropy's gradient
     * with respect to the logits, from row-major logits as {@link #perSampleLoss(float[], int, int[], long[], float[])}
     * takes them. Between 0 (certain and right) and {@code sqrt 2} (certain and wrong).
     */
    public static void gradNorm(float[] logits, int classes, int[] labels, long[] idx, float[] out) {
        for (int i = 0; i < idx.length; i++) {
            int o = i * classes;
            float max = rowMax(logits, o, classes);
            double sum = expSum(logits, o, classes, max);
            int label = labels[(int) idx[i]];
            double sq = 0;
            for (int k = 0; k < classes; k++) {
                double d = Math.exp(logits[o + k] - max) / sum - (k == label ? 1 : 0);
                sq += d * d;
            }
            out[i] = (float) Math.sqrt(sq);
        }
    }

    /** The largest of the {@code classes} logits of the row starting at {@code o}. */
    private static float rowMax(float[] logits, int o, int classes) {
        float max = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, logits[o + k]);
        }
        return max;
    }

    /** {@code sum_k exp(logit_k - max)} over the row starting at {@code o}: the softmax's denominator, overflow-free. */
    private static double expSum(float[] logits, int o, int classes, float max) {
        double sum = 0;
        for (int k = 0; k < classes; k++) {
            sum += Math.exp(logits[o + k] - max);
        }
        return sum;
    }

    /** The same formula on plain arrays, for scores kept on the Java side (the stale selection mode). */
    public void score(float[] losses, float[] stds, float[] out) {
        float ml = mean(losses) + EPS;
        float ms = mean(stds) + EPS;
        for (int i = 0; i < losses.length; i++) {
            float ln = Math.min(2f, Math.max(0f, losses[i] / ml)) / 2f;
            float sn = Math.min(2f, Math.max(0f, stds[i] / ms)) / 2f;
            out[i] = lossWeight * ln + stdWeight * sn;
        }
    }

    private static float mean(float[] a) {
        double s = 0;
        for (float v : a) {
            s += v;
        }
        return a.length == 0 ? 0f : (float) (s / a.length);
    }
}
