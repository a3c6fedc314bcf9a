package org.adaptivesparse.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelsTest {

    @Test
    void namesInMessageOrder() {
        assertEquals(List.of("mlp", "cnn", "resnet"), Models.names());
        assertEquals("model 'vgg' is not known; allowed: mlp, cnn, resnet", Models.unknown("vgg"));
        assertTrue(Models.isKnown(" CNN "));
        assertFalse(Models.isKnown("vgg"));
    }

    /**
     * Each network initialises for CIFAR-shaped and Fashion-MNIST-shaped images and maps a batch to one
     * score per class ({@code resnet} is ResNet-20 on 28x28, where DJL has no 18-layer variant).
     */
    @Test
    void everyNameBuilds() {
        try (NDManager manager = NDManager.newBaseManager()) {
            for (String name : Models.names()) {
                List<int[]> shapes = List.of(new int[] {1, 28, 28}, new int[] {3, 32, 32});
                for (int[] s : shapes) {
                    Block block = Models.build(name, s[0], s[1], s[2], 7);
                    Shape input = new Shape(5, s[0], s[1], s[2]);
                    block.initialize(manager, DataType.FLOAT32, input);
                    NDList out = block.forward(new ParameterStore(manager, false),
                            new NDList(manager.randomUniform(0f, 1f, input)), false);
                    assertEquals(new Shape(5, 7), out.singletonOrThrow().getShape(), name + " on " + input);
                    NDArray scores = out.singletonOrThrow();
                    assertFalse(scores.isNaN().any().getBoolean() || scores.isInfinite().any().getBoolean(),
                            name + " gives finite scores");
                }
            }
        }
    }

    @Test
    void unknownNameIsRejectedWithTheListedNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Models.build("vgg", 1, 28, 28, 10));
        assertEquals(Models.unknown("vgg"), e.getMessage());
    }
}
