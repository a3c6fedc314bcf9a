package com.example.usercode;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import org.adaptivesparse.model.BlockFactory;

/** A factory the engine cannot create. */
public class NoDefaultConstructor implements BlockFactory {
    private final int width;

    public NoDefaultConstructor(int width) {
        this.width = width;
    }

    @Override
    public Block newBlock(Shape inputShape, int classes) {
        return Nets.sized(inputShape, width);
    }
}
