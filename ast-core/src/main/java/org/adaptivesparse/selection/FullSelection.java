package org.adaptivesparse.selection;

import ai.djl.ndarray.NDManager;

/** The {@code full} policy: every sample of every batch, the control that shows what sparsity costs. */
final class FullSelection implements SelectionStrategy {
    @Override
    public BatchSelection select(long[] batch, NDManager manager) {
        return BatchSelection.ALL;
    }
}
