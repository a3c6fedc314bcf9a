package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Trains every sample for the first {@code epochs} epochs, then hands over to another strategy,
 * which counts its epochs from 1 at the handover and sees nothing of the warmup.
 */
final class WarmupSelection implements SelectionStrategy {
    private final int epochs;
    private final SelectionStrategy after;
    private boolean warming;

    WarmupSelection(int epochs, SelectionStrategy after) {
        this.epochs = epochs;
        this.after = after;
    }

    @Override
    public EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        warming = epoch <= epochs;
        return warming ? EpochPlan.WARMUP : after.startEpoch(epoch - epochs, order, batchSize);
    }

    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        return warming ? BatchSelection.ALL : after.select(batch, manager);
    }

    @Override
    public void trained(long[] samples, NDArray logits) {
        if (!warming) {
            after.trained(samples, logits);
        }
    }
}
