package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Decides which samples of each batch get a training step, and owns whatever state that takes (its
 * own seeded random stream, controller, stored losses). The shape of PyTorch's {@code Sampler} with
 * a Lightning-style callback: the training loop asks at the start of each epoch and for each batch,
 * and tells the strategy what the training forward pass saw. Strategies are made by
 * {@link SelectionStrategies#create}; one instance serves one training run and is not thread-safe.
 */
public interface SelectionStrategy {
    /**
     * Called at the start of every epoch, before the first {@link #select}. May rearrange
     * {@code order}, the epoch's shuffled permutation of the training set, in place; the loop then
     * cuts it into consecutive batches of {@code batchSize}.
     *
     * @param epoch 1-based, counted from the first epoch this strategy selects in
     * @return what the planning cost and whether this is a warmup epoch
     */
    default EpochPlan startEpoch(int epoch, int[] order, int batchSize) {
        return EpochPlan.NONE;
    }

    /**
     * Chooses the samples of one batch to train.
     *
     * @param batch   the data-set index of every sample of the batch, in batch order
     * @param manager the batch's NDManager; anything created here is closed at the end of the batch
     */
    BatchSelection select(long[] batch, NDManager manager);

    /**
     * What the training forward pass saw, called after the backward pass and before the optimizer
     * step: the trained samples and their logits (one row each, still on the engine).
     */
    default void trained(long[] samples, NDArray logits) {
    }
}
