package org.adaptivesparse.model;

import ai.djl.basicmodelzoo.cv.classification.ResNetV1;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import org.adaptivesparse.config.ConfigException;

/** The networks the engine builds by name. Any other DJL {@link Block} can be passed through the Java API. */
public final class Models {
    private Models() {
    }

    /**
     * Builds a named model for images of the given shape.
     *
     * @param name     {@code mlp}, {@code cnn} or {@code resnet}
     * @param channels input channels
     * @param height   input height
     * @param width    input width
     * @param classes  output classes
     */
    public static Block build(String name, int channels, int height, int width, int classes) {
        switch (name) {
            case "mlp":
                return mlp(classes);
            case "cnn":
                return cnn(classes);
            case "resnet":
                return resnet(channels, height, width, classes);
            default:
                throw new ConfigException("model", "model '" + name + "' is not known; allowed: mlp, cnn, resnet");
        }
    }

    /** Flatten, 256 ReLU, 128 ReLU, classes. */
    public static Block mlp(int classes) {
        return new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(256).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** conv32-pool-conv64-pool-fc128-fc10: 3x3 same-padded convolutions with ReLU, 2x2 max pooling. */
    public static Block cnn(int classes) {
        return new SequentialBlock()
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(32).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).optPadding(new Shape(1, 1)).setFilters(64).build())
                .add(Activation.reluBlock())
                .add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(128).build())
                .add(Activation.reluBlock())
                .add(Linear.builder().setUnits(classes).build());
    }

    /** DJL model-zoo ResNetV1 with 18 layers (its smallest), for 32x32 inputs such as CIFAR-10. */
    public static Block resnet(int channels, int height, int width, int classes) {
        return ResNetV1.builder()
                .setImageShape(new Shape(channels, height, width))
                .setNumLayers(18)
                .setOutSize(classes)
                .build();
    }
}
