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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The networks the engine builds by name, and the one list of those names: everything that names
 * them (configuration checks, error messages) reads it from here. Any other DJL {@link Block} can
 * be passed through the Java API.
 */
public final class Models {
    /** Builds a network for images of a shape. */
    private interface Builder {
        Block build(int channels, int height, int width, int classes);
    }

    private static final Map<String, Builder> BUILDERS = builders();

    private Models() {
    }

    private static Map<String, Builder> builders() {
        Map<String, Builder> m = new LinkedHashMap<>();
        m.put("mlp", (c, h, w, k) -> mlp(k));
        m.put("cnn", (c, h, w, k) -> cnn(k));
        m.put("resnet", Models::resnet);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Every model name, in the order messages list them: {@code mlp, cnn, resnet}. */
    public static List<String> names() {
        return List.copyOf(BUILDERS.keySet());
    }

    /** {@code name} as the registry spells it: trimmed and in lower case; "" for null. */
    public static String canonical(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} (case and surrounding blanks ignored) is one of {@link #names()}. */
    public static boolean isKnown(String name) {
        return BUILDERS.containsKey(canonical(name));
    }

    /** The message for a name that is not known, e.g. {@code model 'vgg' is not known; allowed: mlp, cnn, resnet}. */
    public static String unknown(String name) {
        return "model '" + name + "' is not known; allowed: " + String.join(", ", names());
    }

    /**
     * Builds a named model for images of the given shape.
     *
     * @param name     one of {@link #names()}
     * @param channels input channels
     * @param height   input height
     * @param width    input width
     * @param classes  output classes
     * @throws IllegalArgumentException with {@link #unknown(String)} when the name is not known
     */
    public static Block build(String name, int channels, int height, int width, int classes) {
        Builder b = BUILDERS.get(name);
        if (b == null) {
            throw new IllegalArgumentException(unknown(name));
        }
        return b.build(channels, height, width, classes);
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

    /**
     * DJL model-zoo ResNetV1: 18 layers (its smallest four-stage network) for images of more than 28
     * pixels such as CIFAR-10's 32x32; 20 layers for 28 pixels or fewer (Fashion-MNIST), where DJL builds
     * the three-stage small-image ResNet of He et al. and accepts only depths of 6n + 2.
     */
    public static Block resnet(int channels, int height, int width, int classes) {
        return ResNetV1.builder()
                .setImageShape(new Shape(channels, height, width))
                .setNumLayers(height <= SMALL_IMAGE ? 20 : 18)
                .setOutSize(classes)
                .build();
    }

    /** The largest image height DJL's ResNetV1 builds its three-stage small-image variant for. */
    private static final int SMALL_IMAGE = 28;
}
