package org.adaptivesparse.selection;

import ai.djl.ndarray.NDArray;

/** The model being trained, as a strategy may use it: one inference forward pass, no gradient. */
@FunctionalInterface
public interface ScoringModel {
    /** The logits, shape (B, K), of a batch of images, shape (B, C, H, W). */
    NDArray logits(NDArray images);
}
