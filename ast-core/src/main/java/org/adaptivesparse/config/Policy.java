package org.adaptivesparse.config;

/** Which samples of a batch get a training step. */
public enum Policy {
    /** Adaptive sparse training: score, gate above an adaptive threshold, PI-controlled rate. */
    AST("ast"),
    /** Every sample, every batch: the control that answers "what does sparsity cost?". */
    FULL("full"),
    /** A uniform random subset of round(target * B) per batch: the control that answers "is the scoring worth it?". */
    RANDOM("random"),
    /**
     * The random control drawing {@code round(target * B)} of each batch whatever {@code randomSampling}
     * says: listed beside {@code random-epoch}, both samplings run in one interleaved experiment.
     */
    RANDOM_BATCH("random-batch"),
    /** The random control without replacement across epochs, whatever {@code randomSampling} says. */
    RANDOM_EPOCH("random-epoch"),
    /**
     * The random control trained on all training samples, the reference model's holdout included
     * (sampling as {@code randomSampling} says): the other policies train without the samples a
     * reference-model mode ({@code reducible}, {@code filter}) holds out, and this control shows what
     * those samples would have been worth as plain training data.
     */
    RANDOM_ALL("random-all");

    private final String id;

    Policy(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration, JSON and reports. */
    public String id() {
        return id;
    }

    /**
     * How a random control draws; null for {@code ast} and {@code full}. {@code random} follows
     * {@code randomSampling}.
     */
    public RandomSampling drawing(RandomSampling randomSampling) {
        return switch (this) {
            case RANDOM, RANDOM_ALL -> randomSampling;
            case RANDOM_BATCH -> RandomSampling.BATCH;
            case RANDOM_EPOCH -> RandomSampling.EPOCH;
            default -> null;
        };
    }

    /** {@link #drawing}'s id, {@code batch} or {@code epoch}, as results show it; null for {@code ast} and {@code full}. */
    public String sampling(RandomSampling randomSampling) {
        RandomSampling s = drawing(randomSampling);
        return s == null ? null : s.id();
    }

    /** Parses a policy name, case-insensitively. */
    public static Policy parse(String field, String value) {
        return Choices.parse(field, value, values(), Policy::id, "a policy");
    }

    @Override
    public String toString() {
        return id;
    }
}
