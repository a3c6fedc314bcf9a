package org.adaptivesparse.config;

/** How a random control draws its samples ({@code randomSampling}). */
public enum RandomSampling implements Choice {
    BATCH("batch", "round(target * B) of each batch"),
    EPOCH("epoch", "without replacement across epochs: every sample once per 1/target epochs");

    private final String id;
    private final String description;

    RandomSampling(String id, String description) {
        this.id = id;
        this.description = description;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
