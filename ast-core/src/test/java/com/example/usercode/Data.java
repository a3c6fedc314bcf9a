package com.example.usercode;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Random;
import org.adaptivesparse.data.DataContext;
import org.adaptivesparse.data.DatasetFactory;
import org.adaptivesparse.data.DatasetPair;

/**
 * A user's data as DJL datasets: feature vectors of 12 values in 3 classes, each class a Gaussian
 * blob around its own centre, so a small network learns it in an epoch. Static methods give the
 * broken variants the tests need.
 */
public class Data implements DatasetFactory {
    static final int FEATURES = 12;
    static final int CLASSES = 3;

    @Override
    public DatasetPair create(DataContext context) {
        NDManager m = NDManager.newBaseManager();
        return DatasetPair.of(blobs(m, 1500, context.seed(), new Shape(FEATURES)), blobs(m, 300, context.seed() + 1,
                new Shape(FEATURES))).closing(m);
    }

    /** The same data in one class's worth of blobs per test set: training set empty. */
    public static DatasetPair emptyTraining() {
        return DatasetPair.of(blobs(0, 1, new Shape(FEATURES)), blobs(50, 2, new Shape(FEATURES)));
    }

    /** Training samples of 12 features, test samples of 8. */
    public static DatasetPair mismatched(DataContext context) {
        return DatasetPair.of(blobs(100, 1, new Shape(FEATURES)), blobs(50, 2, new Shape(8)));
    }

    public static DatasetPair failing(DataContext context) {
        throw new IllegalArgumentException("no such bucket: s3://team-data/fashion");
    }

    static ArrayDataset blobs(int n, long seed, Shape sample) {
        return blobs(NDManager.newBaseManager(), n, seed, sample);
    }

    static ArrayDataset blobs(NDManager m, int n, long seed, Shape sample) {
        Random r = new Random(seed);
        int d = (int) sample.size();
        float[] x = new float[n * d];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int k = i % CLASSES;
            y[i] = k;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = (float) ((j % CLASSES == k ? 2.0 : 0.0) + r.nextGaussian() * 0.7);
            }
        }
        NDArray features = m.create(x, new Shape(n).addAll(sample));
        NDArray labels = m.create(y, new Shape(n));
        return new ArrayDataset.Builder().setData(features).optLabels(labels).setSampling(32, false).build();
    }
}
