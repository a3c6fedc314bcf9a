package com.example.fashion;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.adaptivesparse.model.BlockFactory;

/**
 * The team's network: conv16-pool-fc64-classes, small enough to train in seconds on a CPU. This is
 * the code a merge changes and {@code ast:train} gates: {@code <model>com.example.fashion.FashionNet</model>}.
 */
public class FashionNet implements BlockFactory {
    @Override
    public Block newBlock(Shape inputShape, int classes) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(16).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(64).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }
}
