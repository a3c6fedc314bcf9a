package org.adaptivesparse.data;

/**
 * How {@link FolderDataset} turns a directory of the user's images into training data: the square
 * side every image is resized to, its channels, and the share of each class held out for testing
 * when the directory is not already split into {@code train/} and {@code test/}.
 *
 * @param imageSize    side in pixels of the square every image is resized to, {@value #MIN_IMAGE_SIZE}
 *                     to {@value #MAX_IMAGE_SIZE}
 * @param channels     1 (images read as grayscale) or 3 (RGB)
 * @param testFraction share of each class's images held out for testing, greater than 0 and less than 1
 */
public record FolderSettings(int imageSize, int channels, double testFraction) {
    /** Side of the square images by default: CIFAR-10's, which every built-in model trains on. */
    public static final int DEFAULT_IMAGE_SIZE = 32;
    /** The smallest side: the {@code cnn} model halves it twice. */
    public static final int MIN_IMAGE_SIZE = 4;
    /** The largest side; the engine holds every image in memory (channels x side x side floats each). */
    public static final int MAX_IMAGE_SIZE = 512;
    /** Channels by default: colour. */
    public static final int DEFAULT_CHANNELS = 3;
    /** Share of each class held out for testing by default. */
    public static final double DEFAULT_TEST_FRACTION = 0.2;
    /** Every default. */
    public static final FolderSettings DEFAULTS = new FolderSettings(DEFAULT_IMAGE_SIZE, DEFAULT_CHANNELS,
            DEFAULT_TEST_FRACTION);

    /** @throws IllegalArgumentException when a value is out of range */
    public FolderSettings {
        if (imageSize < MIN_IMAGE_SIZE || imageSize > MAX_IMAGE_SIZE) {
            throw new IllegalArgumentException("imageSize " + imageSize + " is out of range; allowed: " + MIN_IMAGE_SIZE
                    + " to " + MAX_IMAGE_SIZE);
        }
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels " + channels + " is out of range; allowed: 1 (grayscale)"
                    + " or 3 (RGB)");
        }
        if (!(testFraction > 0 && testFraction < 1)) {
            throw new IllegalArgumentException("testFraction " + testFraction + " is out of range; allowed: greater"
                    + " than 0 and less than 1");
        }
    }
}
