package org.adaptivesparse.model;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;

/**
 * Builds your project's network, so that {@code ast:train} and {@code @SparseTraining} can train it by
 * class name: {@code <model>com.example.fashion.FashionNet</model>} names a public class with a public
 * no-argument constructor that implements this interface.
 *
 * <p>The engine calls {@link #newBlock} once per policy and seed, and initialises every block it
 * returns from the same seed, so AST and its controls start from the same weights. Return a new,
 * uninitialised block on every call: a block shared between calls would carry one policy's training
 * into the next.
 */
@FunctionalInterface
public interface BlockFactory {
    /**
     * A fresh network.
     *
     * @param inputShape the shape of one sample, without the batch axis: {@code (C, H, W)} for
     *                   images, {@code (F)} for feature vectors
     * @param classes    the number of classes: the network must return that many outputs (logits)
     *                   per sample
     */
    Block newBlock(Shape inputShape, int classes);
}
