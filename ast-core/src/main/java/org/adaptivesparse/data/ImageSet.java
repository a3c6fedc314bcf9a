package org.adaptivesparse.data;

import java.util.Arrays;
import java.util.Objects;

/**
 * Labelled images held in memory: pixels as floats in [0, 1], NCHW order, one label per image.
 * The trainer copies them once into NDArrays and gathers batches by index.
 */
public final class ImageSet {
    private final String name;
    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final int classes;

    /**
     * @param name     where the images came from, for messages and reports
     * @param pixels   {@code size * channels * height * width} floats in [0, 1], NCHW
     * @param labels   one class index per image, each in [0, classes)
     * @param classes  number of classes
     */
    public ImageSet(String name, float[] pixels, int[] labels, int channels, int height, int width, int classes) {
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
    }

    public String name() { return name; }
    public int size() { return labels.length; }
    public int channels() { return channels; }
    public int height() { return height; }
    public int width() { return width; }
    public int classes() { return classes; }
    public int pixelsPerImage() { return channels * height * width; }

    /** The backing pixel array (not copied: read only). */
    public float[] pixels() { return pixels; }

    /** The backing label array (not copied: read only). */
    public int[] labels() { return labels; }

    /** The first {@code n} images, or this set when {@code n} is 0 or at least {@link #size()}. */
    public ImageSet limit(int n) {
        if (n <= 0 || n >= size()) {
            return this;
        }
        return new ImageSet(name, Arrays.copyOf(pixels, n * pixelsPerImage()), Arrays.copyOf(labels, n), channels,
                height, width, classes);
    }
}
