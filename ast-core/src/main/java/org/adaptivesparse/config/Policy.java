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
    RANDOM_EPOCH("random-epoch");

    private final String id;

    Policy(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration, JSON and reports. */
    public String id() {
        return id;
    }

    /**
     * How a random control draws, {@code batch} or {@code epoch}; null for {@code ast} and {@code full}.
     * {@code random} follows {@code randomSampling}.
     */
    public String sampling(String randomSampling) {
        return switch (this) {
            case RANDOM -> randomSampling;
            case RANDOM_BATCH -> "batch";
            case RANDOM_EPOCH -> "epoch";
            default -> null;
        };
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
