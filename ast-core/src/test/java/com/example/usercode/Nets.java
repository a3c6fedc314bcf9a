package com.example.usercode;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;

/** Networks as static methods, good and bad, for {@code Class#method} references. */
public final class Nets {
    private Nets() {
    }

    /** Ten outputs whatever the data: wrong for data of another class count. */
    public static Block tenOutputs() {
        return new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(10).build());
    }

    public static Block sized(Shape inputShape, int classes) {
        return new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
    }

    /** A 2-D convolution: it cannot take feature vectors. */
    public static Block conv(Shape inputShape, int classes) {
        return new SequentialBlock().add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(4).build())
                .add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
    }

    public static Block failing() {
        throw new IllegalStateException("the pretrained backbone is not on this machine");
    }

    public static Block nothing() {
        return null;
    }

    public static String notABlock() {
        return "mlp";
    }

    public static Block needsWidth(int width) {
        return tenOutputs();
    }

    public Block notStatic() {
        return tenOutputs();
    }
}
