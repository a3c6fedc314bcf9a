package com.example.fashion;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.adaptivesparse.data.DataContext;
import org.adaptivesparse.data.DatasetFactory;
import org.adaptivesparse.data.DatasetPair;

/**
 * The team's data pipeline: Fashion-MNIST's IDX files read into two DJL {@link ArrayDataset}s, pixels
 * scaled to [0, 1]. {@code <dataset>com.example.fashion.FashionData</dataset>} trains on it; the files
 * are found where ast finds its own copy ({@code dataDir}, the cache, Debian's
 * {@code dataset-fashion-mnist}, a verified download).
 */
public class FashionData implements DatasetFactory {
    @Override
    public DatasetPair create(DataContext context) throws IOException {
        Path dir = context.locate("fashion-mnist");
        NDManager manager = NDManager.newBaseManager();
        try {
            // ast copies both sets into its own memory, then closes the manager: no native memory is left behind
            return DatasetPair.of(read(manager, dir, "train"), read(manager, dir, "t10k")).closing(manager);
        } catch (IOException | RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    private static ArrayDataset read(NDManager manager, Path dir, String prefix) throws IOException {
        byte[] pixels;
        int n;
        int rows;
        int cols;
        try (DataInputStream in = open(dir.resolve(prefix + "-images-idx3-ubyte.gz"), 0x803)) {
            n = in.readInt();
            rows = in.readInt();
            cols = in.readInt();
            pixels = in.readNBytes(n * rows * cols);
        }
        byte[] labels;
        try (DataInputStream in = open(dir.resolve(prefix + "-labels-idx1-ubyte.gz"), 0x801)) {
            labels = in.readNBytes(in.readInt());
        }
        float[] x = new float[pixels.length];
        for (int i = 0; i < x.length; i++) {
            x[i] = (pixels[i] & 0xff) / 255f;
        }
        float[] y = new float[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = labels[i];
        }
        return new ArrayDataset.Builder()
                .setData(manager.create(x, new Shape(n, 1, rows, cols)))
                .optLabels(manager.create(y, new Shape(y.length)))
                .setSampling(256, false)
                .build();
    }

    private static DataInputStream open(Path file, int magic) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(Files.newInputStream(file)));
        if (in.readInt() != magic) {
            in.close();
            throw new IOException(file + " is not an IDX file of the expected kind");
        }
        return in;
    }
}
