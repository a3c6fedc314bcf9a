package org.adaptivesparse.data;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images held in memory: pixels as floats in [0, 1], NCHW order, one label per image.
 * The trainer copies them once into NDArrays and gathers batches by index.
 *
 * <p>A set read from a user's DJL dataset may hold samples of another shape (feature vectors, one
 * channel without its axis): {@link #sampleShape()} is then that shape, and {@code channels x height
 * x width} only its size.
 */
public final class ImageSet {
    private final String name;
    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final int classes;
    /** The shape each sample has for the network, without the batch axis. */
    private final Shape sampleShape;
    /** Per sample, whether {@link LabelNoise} changed its label; null when no synthetic noise was added. */
    private final boolean[] corrupted;

    /**
     * @param name     where the images came from, for messages and reports
     * @param pixels   {@code size * channels * height * width} floats in [0, 1], NCHW
     * @param labels   one class index per image, each in [0, classes)
     * @param classes  number of classes
     */
    public ImageSet(String name, float[] pixels, int[] labels, int channels, int height, int width, int classes) {
        this(name, pixels, labels, channels, height, width, classes, new Shape(channels, height, width), null);
    }

    private ImageSet(String name, float[] pixels, int[] labels, int channels, int height, int width, int classes,
            Shape sampleShape, boolean[] corrupted) {
        this.name = Objects.requireNonNull(name, "name");
        this.pixels = Objects.requireNonNull(pixels, "pixels");
        this.labels = Objects.requireNonNull(labels, "labels");
        if (channels < 1 || height < 1 || width < 1 || classes < 2) {
            throw new IllegalArgumentException(name + ": bad shape " + channels + "x" + height + "x" + width
                    + " with " + classes + " classes");
        }
        if ((long) labels.length * channels * height * width != pixels.length) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels but " + pixels.length
                    + " pixels, expected " + (long) labels.length * channels * height * width);
        }
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classes = classes;
        this.sampleShape = sampleShape;
        if (corrupted != null && corrupted.length != labels.length) {
            throw new IllegalArgumentException(name + ": " + corrupted.length + " noise marks for " + labels.length
                    + " labels");
        }
        this.corrupted = corrupted;
    }

    /**
     * Samples of any shape: {@code (C, H, W)} images, {@code (H, W)} one-channel images kept without
     * a channel axis, {@code (F)} feature vectors, or more axes.
     *
     * @param values {@code size * shape.size()} floats, each sample's values in row-major order
     */
    public static ImageSet of(String name, float[] values, int[] labels, Shape shape, int classes) {
        Objects.requireNonNull(shape, "shape");
        int d = shape.dimension();
        if (d == 3) {
            return new ImageSet(name, values, labels, (int) shape.get(0), (int) shape.get(1), (int) shape.get(2),
                    classes, shape, null);
        }
        if (d == 2) {
            return new ImageSet(name, values, labels, 1, (int) shape.get(0), (int) shape.get(1), classes, shape, null);
        }
        return new ImageSet(name, values, labels, 1, 1, (int) shape.size(), classes, shape, null);
    }

    public String name() { return name; }
    public int size() { return labels.length; }
    public int channels() { return channels; }
    public int height() { return height; }
    public int width() { return width; }
    public int classes() { return classes; }
    public int pixelsPerImage() { return channels * height * width; }
    /** The shape of one sample as the network receives it, without the batch axis. */
    public Shape sampleShape() { return sampleShape; }
    /** True when the samples are feature vectors ({@code (F)}), not images: the spread term is then the features'. */
    public boolean features() { return sampleShape.dimension() == 1; }

    /** The backing pixel array (not copied: read only). */
    public float[] pixels() { return pixels; }

    /** The backing label array (not copied: read only). */
    public int[] labels() { return labels; }

    /**
     * The same samples with noisy labels (one per sample, each a class of this set) and the marks of
     * the ones that were changed.
     */
    public ImageSet withNoisyLabels(String name, int[] labels, boolean[] corrupted) {
        if (labels.length != size()) {
            throw new IllegalArgumentException(name + ": " + labels.length + " labels for " + size() + " samples");
        }
        return new ImageSet(name, pixels, labels, channels, height, width, classes, sampleShape,
                Objects.requireNonNull(corrupted, "corrupted"));
    }

    /** Per sample, whether synthetic label noise changed its label; null when none was added (read only). */
    public boolean[] corrupted() {
        return corrupted;
    }

    /** The first {@code n} images, or this set when {@code n} is 0 or at least {@link #size()}. */
    public ImageSet limit(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        return new ImageSet(name, Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), channels,
                height, width, classes, sampleShape, corrupted == null ? null : Arrays.copyOf(corrupted, n));
    }

    /**
     * The samples at {@code indices}, in that order, with their labels and noise marks.
     *
     * @param name what the subset is, for messages and reports
     */
    public ImageSet select(String name, int[] indices) {
        int per = pixelsPerImage();
        float[] p = new float[indices.length * per];
        int[] l = new int[indices.length];
        boolean[] c = corrupted == null ? null : new boolean[indices.length];
        for (int i = 0; i < indices.length; i++) {
            int j = indices[i];
            System.arraycopy(pixels, j * per, p, i * per, per);
            l[i] = labels[j];
            if (c != null) {
                c[i] = corrupted[j];
            }
        }
        return new ImageSet(name, p, l, channels, height, width, classes, sampleShape, c);
    }
}
