package org.adaptivesparse.data;

import java.util.Objects;

/** A training set and a test set of the same shape. */
public record DataSplit(ImageSet train, ImageSet test) {
    public DataSplit {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        // channels, height and width follow from the sample shape
        if (!train.sampleShape().equals(test.sampleShape())) {
            throw new IllegalArgumentException("train and test images differ in shape");
        }
    }

    /** This split with at most {@code trainLimit} and {@code testLimit} samples (0 = all). */
    public DataSplit limit(int trainLimit, int testLimit) {
        return new DataSplit(train.limit(trainLimit), test.limit(testLimit));
    }
}
