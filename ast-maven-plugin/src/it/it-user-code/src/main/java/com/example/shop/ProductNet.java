package com.example.shop;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;

/** A consumer project's own network: feature vector, 64 ReLU, one logit per class. */
public class ProductNet implements org.adaptivesparse.model.BlockFactory {
    @Override
    public Block newBlock(Shape inputShape, int classes) {
        Linear hidden = Linear.builder().setUnits(64).build();
        return new SequentialBlock()
                .add(hidden)
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }
}
