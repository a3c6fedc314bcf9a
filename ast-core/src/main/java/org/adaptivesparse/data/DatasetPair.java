package org.adaptivesparse.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.SequenceSampler;
import java.util.Arrays;
import java.util.Objects;

/**
 * The training and test sets a {@link DatasetFactory} returns: two DJL datasets, or an
 * {@link DataSplit} of {@link ImageSet}s already in memory.
 *
 * <p>A DJL dataset's first data array is the sample and its first label array the class index (an
 * integer, or a float holding one). A sample of shape {@code (C, H, W)} is an image; {@code (H, W)}
 * a one-channel image; {@code (F)} a feature vector, whose per-sample spread then stands in for the
 * pixel spread in AST's significance. The network receives samples in their own shape.
 */
public final class DatasetPair {
    /** Samples read per batch when a DJL dataset is copied into memory. */
    private static final int READ_BATCH = 512;

    private final RandomAccessDataset train;
    private final RandomAccessDataset test;
    private final DataSplit split;
    private final AutoCloseable owned;

    private DatasetPair(RandomAccessDataset train, RandomAccessDataset test, DataSplit split, AutoCloseable owned) {
        this.train = train;
        this.test = test;
        this.split = split;
        this.owned = owned;
    }

    /** Two DJL datasets: the training set and the (clean, held out) test set. */
    public static DatasetPair of(RandomAccessDataset train, RandomAccessDataset test) {
        return new DatasetPair(Objects.requireNonNull(train, "train"), Objects.requireNonNull(test, "test"), null,
                null);
    }

    /** Data already in memory. */
    public static DatasetPair of(DataSplit split) {
        return new DatasetPair(null, null, Objects.requireNonNull(split, "split"), null);
    }

    /**
     * The same pair, handing AST what holds its arrays (typically the {@link NDManager} the datasets were
     * created with): AST copies both sets into memory once and then closes it, whether the copy succeeded
     * or not, so the factory's native memory does not outlive the read.
     *
     * <pre>{@code
     * NDManager manager = NDManager.newBaseManager();
     * return DatasetPair.of(read(manager, "train"), read(manager, "t10k")).closing(manager);
     * }</pre>
     */
    public DatasetPair closing(AutoCloseable resource) {
        return new DatasetPair(train, test, split, Objects.requireNonNull(resource, "resource"));
    }

    /**
     * Both sets in memory, checked: neither empty, samples of one shape, labels that are class indices.
     *
     * @param source names the factory in messages ({@code com.example.FashionData})
     * @throws DataException saying which set is wrong and how
     */
    public DataSplit read(String source) {
        DataSplit out = null;
        RuntimeException failure = null;
        try {
            out = readOnce(source);
        } catch (RuntimeException e) {
            failure = e;
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else {
                    failure = new DataException(source + ": the resource handed to DatasetPair.closing could not be"
                            + " closed after reading: " + message(e), e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    private DataSplit readOnce(String source) {
        if (split != null) {
            checkNotEmpty(source, "training", split.train().size());
            checkNotEmpty(source, "test", split.test().size());
            return split;
        }
        Read tr = read(source, "training", train);
        Read te = read(source, "test", test);
        if (!tr.shape.equals(te.shape)) {
            throw new DataException(source + " returned training samples of shape " + tr.shape
                    + " but test samples of shape " + te.shape + "; both sets must hold samples of one shape");
        }
        int classes = Math.max(tr.maxLabel, te.maxLabel) + 1;
        if (classes < 2) {
            throw new DataException(source + " returned labels of one class only (0); a classifier needs at least 2");
        }
        if (te.maxLabel > tr.maxLabel) {
            throw new DataException(source + " returned a test set with class " + te.maxLabel
                    + " but the training set's classes stop at " + tr.maxLabel + "; the two sets do not match");
        }
        return new DataSplit(tr.set(source + " (training)", classes), te.set(source + " (test)", classes));
    }

    private static void checkNotEmpty(String source, String role, long size) {
        if (size == 0) {
            throw new DataException(source + " returned an empty " + role + " set");
        }
    }

    /** One set read into memory. */
    private record Read(float[] values, int[] labels, Shape shape, int maxLabel) {
        ImageSet set(String name, int classes) {
            return ImageSet.of(name, values, labels, shape, classes);
        }
    }

    private static Read read(String source, String role, RandomAccessDataset dataset) {
        try {
            dataset.prepare();
        } catch (Exception e) {
            throw new DataException(source + ": the " + role + " set could not be prepared: " + message(e), e);
        }
        long n = dataset.size();
        checkNotEmpty(source, role, n);
        if (n > Integer.MAX_VALUE / 2) {
            throw new DataException(source + ": the " + role + " set has " + n + " samples; at most "
                    + Integer.MAX_VALUE / 2 + " fit in memory here");
        }
        int size = (int) n;
        int[] labels = new int[size];
        float[] values = null;
        Shape shape = null;
        int at = 0;
        int maxLabel = -1;
        try (NDManager manager = NDManager.newBaseManager()) {
            for (Batch batch : dataset.getData(manager, new BatchSampler(new SequenceSampler(), READ_BATCH, false))) {
                try (batch) {
                    NDArray x = batch.getData().head();
                    Shape sample = x.getShape().slice(1);
                    if (shape == null) {
                        shape = sample;
                        if (shape.size() < 1 || (long) size * shape.size() > Integer.MAX_VALUE - 8) {
                            throw new DataException(source + ": the " + role + " set's samples have shape " + shape
                                    + ", which cannot be trained on here");
                        }
                        values = new float[(int) (size * shape.size())];
                    } else if (!shape.equals(sample)) {
                        throw new DataException(source + ": the " + role + " set mixes samples of shape " + shape
                                + " and " + sample + "; every sample must have one shape");
                    }
                    float[] v = x.toType(DataType.FLOAT32, false).toFloatArray();
                    float[] y = batch.getLabels().head().toType(DataType.FLOAT32, false).toFloatArray();
                    int count = (int) x.getShape().get(0);
                    if (y.length != count) {
                        throw new DataException(source + ": the " + role + " set has " + y.length / Math.max(1, count)
                                + " label values per sample; ast trains classifiers, one class index per sample");
                    }
                    System.arraycopy(v, 0, values, (int) (at * shape.size()), v.length);
                    for (int i = 0; i < count; i++) {
                        float label = y[i];
                        if (label < 0 || label != Math.rint(label) || !Float.isFinite(label)) {
                            throw new DataException(source + ": sample " + (at + i) + " of the " + role
                                    + " set has label " + label + "; labels must be class indices 0, 1, 2, ...");
                        }
                        labels[at + i] = (int) label;
                        maxLabel = Math.max(maxLabel, (int) label);
                    }
                    at += count;
                }
            }
        } catch (DataException e) {
            throw e;
        } catch (Exception e) {
            throw new DataException(source + ": the " + role + " set could not be read: " + message(e), e);
        }
        if (at != size) {
            throw new DataException(source + ": the " + role + " set says it has " + size + " samples but gave " + at);
        }
        return new Read(values, labels, shape, maxLabel);
    }

    private static String message(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }

    @Override
    public String toString() {
        return split != null ? "DatasetPair" + Arrays.asList(split.train().name(), split.test().name())
                : "DatasetPair[" + train + ", " + test + "]";
    }
}
