package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;

/** The {@code ast} policy with {@code reducible} selection (see {@link ReducibleMode}), in its two variants. */
final class ReducibleSelection {
    private ReducibleSelection() {
    }

    private static ReferenceLosses checked(ReferenceLosses reference, ImageTensors t) {
        Objects.requireNonNull(reference, "reducible selection needs the reference model's losses");
        if (reference.losses().length != t.size()) {
            throw new IllegalArgumentException(reference.losses().length + " reference losses for " + t.size()
                    + " training samples");
        }
        return reference;
    }

    /**
     * RHO-LOSS as published: a scoring forward over the whole batch, and the {@code round(target * B)}
     * samples with the highest reducible loss (at least one) trained. The activation is the target's by
     * construction; no controller.
     */
    static final class Fresh implements SelectionStrategy {
        private final ImageTensors train;
        private final ScoringModel model;
        private final ReferenceLosses reference;
        private final double target;

        Fresh(ImageTensors train, ScoringModel model, ReferenceLosses reference, double target) {
            this.train = train;
            this.model = model;
            this.reference = checked(reference, train);
            this.target = target;
        }

        @Override
        public BatchSelection select(long[] batch, NDManager manager) {
            long s0 = System.nanoTime();
            NDList xy = train.gather(manager, batch);
            float[] losses = Significance.perSampleLoss(model.logits(xy.get(0)), xy.get(1)).toFloatArray();
            long scoringNanos = System.nanoTime() - s0;
            int k = (int) Math.max(1, Math.min(batch.length, Math.round(target * batch.length)));
            Integer[] byScore = new Integer[batch.length];
            for (int i = 0; i < batch.length; i++) {
                byScore[i] = i;
            }
            Arrays.sort(byScore, (a, b) -> Float.compare(losses[b] - reference.of((int) batch[b]),
                    losses[a] - reference.of((int) batch[a])));
            int[] active = new int[k];
            for (int i = 0; i < k; i++) {
                active[i] = byScore[i];
            }
            Arrays.sort(active);
            return new BatchSelection(active, batch.length, scoringNanos, Double.NaN, Double.NaN, losses);
        }
    }

    /**
     * From stored losses, no extra forward: each epoch the budget is the samples with the highest
     * stored loss minus irreducible loss, spread over the epoch's batches ({@link DropThenDraw} with
     * everything else dropped). A sample never trained counts at the mean known loss, so the first
     * epoch draws the samples with the lowest irreducible loss first among equals.
     */
    static final class Stored extends StoredLossDraw {
        private final ReferenceLosses reference;

        Stored(ImageTensors train, ReferenceLosses reference, double target, SplittableRandom random) {
            super(train, target, random);
            this.reference = checked(reference, train);
        }

        @Override
        public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
            float unseen = scores.mean();
            // the lowest reducible losses dropped, all but the budget: the budget is the highest
            draw.plan(order, batchSize, 1.0, i -> reference.of(i) - scores.get(i, unseen));
            return EpochPlan.NONE;
        }
    }
}
