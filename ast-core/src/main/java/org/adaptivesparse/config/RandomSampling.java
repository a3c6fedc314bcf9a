package org.adaptivesparse.config;

/** How a random control draws its samples ({@code randomSampling}). */
public enum RandomSampling implements Choice {
    BATCH("round(target * B) of each batch"),
    EPOCH("without replacement across epochs: every sample once per 1/target epochs");

    private final String description;

    RandomSampling(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
