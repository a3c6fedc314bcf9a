package org.adaptivesparse.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (Policy p : values()) {
            if (p.id.equals(v)) {
                return p;
            }
        }
        throw new ConfigException(field, field + " '" + value + "' is not a policy; allowed: "
                + Arrays.stream(values()).map(Policy::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}
