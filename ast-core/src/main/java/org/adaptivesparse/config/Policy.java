package org.adaptivesparse.config;

/** Which samples of a batch get a training step. */
public enum Policy {
    /** Adaptive sparse training: score, gate above an adaptive threshold, PI-controlled rate. */
    AST("ast"),
    /** Every sample, every batch: the control that answers "what does sparsity cost?". */
    FULL("full"),
    /** A uniform random subset of round(target * B) per batch: the control that answers "is the scoring worth it?". */
    RANDOM("random");

    private final String id;

    Policy(String id) {
        this.id = id;
    }

    /** The lower-case name used in configuration, JSON and reports. */
    public String id() {
        return id;
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
