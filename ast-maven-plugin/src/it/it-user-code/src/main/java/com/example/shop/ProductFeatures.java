package com.example.shop;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.nio.file.Path;
import org.adaptivesparse.data.DataContext;
import org.adaptivesparse.data.DatasetFactory;
import org.adaptivesparse.data.DatasetPair;
import org.adaptivesparse.data.IdxReader;
import org.adaptivesparse.data.ImageSet;

/**
 * A consumer project's own data: Fashion-MNIST's images as flat vectors of 784 features in two DJL
 * ArrayDatasets, the way a team hands its feature table to DJL.
 */
public class ProductFeatures implements DatasetFactory {
    @Override
    public DatasetPair create(DataContext context) {
        Path dir = context.locate("fashion-mnist");
        NDManager manager = NDManager.newBaseManager();
        return DatasetPair.of(features(manager, dir, "train", 3000), features(manager, dir, "t10k", 1000));
    }

    private static ArrayDataset features(NDManager manager, Path dir, String prefix, int n) {
        ImageSet images = IdxReader.read(prefix, dir.resolve(prefix + "-images-idx3-ubyte.gz"),
                dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 10).limit(n);
        float[] labels = new float[images.size()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = images.labels()[i];
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(images.pixels(), new Shape(images.size(), images.pixelsPerImage())))
                .optLabels(manager.create(labels))
                .setSampling(256, false)
                .build();
    }
}
