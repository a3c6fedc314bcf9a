package com.example.usercode;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import org.adaptivesparse.model.BlockFactory;

/** A user's network as a project would write it: flatten, 32 ReLU, one output per class. */
public class TinyNet implements BlockFactory {
    @Override
    public Block newBlock(Shape inputShape, int classes) {
        return new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(32).build())
                .add(Activation.reluBlock()).add(Linear.builder().setUnits(classes).build());
    }
}
