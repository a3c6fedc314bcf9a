package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import org.adaptivesparse.control.PiController;

/**
 * The {@code ast} policy with {@code fresh} selection, the algorithm as specified: per batch a
 * scoring forward pass in inference mode, {@link Significance} from each sample's loss and pixel
 * spread, the {@link Gate} at the controller's threshold, then the {@link PiController} moves the
 * threshold once on the rate of the batch it just gated.
 */
final class FreshAstSelection implements SelectionStrategy {
    private final ImageTensors train;
    private final ScoringModel model;
    private final Significance significance;
    private final Gate gate;
    private final PiController controller;
    /** The pixel spread of every training image, computed once: it never changes. */
    private final NDArray stds;

    FreshAstSelection(ImageTensors train, ScoringModel model, Significance significance, Gate gate,
            PiController controller) {
        this.train = train;
        this.model = model;
        this.significance = significance;
        this.gate = gate;
        this.controller = controller;
        this.stds = train.images().getManager().create(pixelStds(train));
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        if (epoch == 1) {
            // selection may start after warmup epochs: the controller starts from its initial state then
            controller.reset();
        }
        return EpochPlan.NONE;
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        long s0 = System.nanoTime();
        // Scoring stays in NDArray operations: one gather, one inference forward, the per-sample loss
        // and significance vectorised, one copy of B floats out for the gate.
        NDArray idx = manager.create(batch);
        NDArray x = train.images().get(manager, new NDIndex("{}", idx));
        NDArray y = train.labels().get(manager, new NDIndex("{}", idx));
        NDArray losses = Significance.perSampleLoss(model.logits(x), y);
        long scoringNanos = System.nanoTime() - s0;
        NDArray spread = stds.get(manager, new NDIndex("{}", idx));
        float[] sig = significance.score(losses, spread).toFloatArray();
        int[] active = gate.select(sig, controller.threshold()).active();
        double threshold = controller.update((double) active.length / batch.length);
        return new BatchSelection(active, batch.length, scoringNanos, threshold, controller.ema(),
                losses.toFloatArray());
    }

    private static float[] pixelStds(ImageTensors train) {
        int n = train.size();
        float[] out = new float[n];
        for (int from = 0; from < n; from += ImageTensors.SWEEP_BATCH) {
            int to = Math.min(n, from + ImageTensors.SWEEP_BATCH);
            try (NDManager bm = train.images().getManager().newSubManager()) {
                NDArray images = train.images().get(bm, new NDIndex("{}:{}", from, to));
                float[] s = Significance.pixelStd(images).toFloatArray();
                System.arraycopy(s, 0, out, from, s.length);
            }
        }
        return out;
    }
}
