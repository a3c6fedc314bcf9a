package org.adaptivesparse.junit;

import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import java.util.SplittableRandom;
import org.adaptivesparse.data.DataSplit;
import org.adaptivesparse.data.ImageSet;

/** Fixture helpers: a tiny learnable data split and a tiny network. */
final class TinyData {
    static final int CLASSES = 4;

    private TinyData() {
    }

    /** 1x8x8 images in 4 classes; class k lights quadrant k. 512 training and 256 test samples. */
    static DataSplit split() {
        SplittableRandom rnd = new SplittableRandom(7);
        return new DataSplit(images("tiny-train", 512, rnd), images("tiny-test", 256, rnd));
    }

    private static ImageSet images(String name, int n, SplittableRandom rnd) {
        float[] pixels = new float[n * 64];
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            int k = rnd.nextInt(CLASSES);
            labels[i] = k;
            for (int y = 0; y < 8; y++) {
                for (int x = 0; x < 8; x++) {
                    boolean lit = (y / 4) * 2 + (x / 4) == k;
                    pixels[i * 64 + y * 8 + x] = (float) ((lit ? 0.7 : 0.0) + 0.3 * rnd.nextDouble());
                }
            }
        }
        return new ImageSet(name, pixels, labels, 1, 8, 8, CLASSES);
    }

    /** Flatten, then one linear layer to {@code classes} outputs. */
    static Block linear(int classes) {
        return new SequentialBlock().add(Blocks.batchFlattenBlock()).add(Linear.builder().setUnits(classes).build());
    }
}
