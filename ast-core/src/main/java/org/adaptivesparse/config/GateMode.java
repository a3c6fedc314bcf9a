package org.adaptivesparse.config;

import java.util.Locale;

/** How significance and threshold decide which samples are active. */
public enum GateMode {
    /** {@code significance > threshold}. */
    HARD("hard"),
    /** Active with probability {@code sigmoid((significance - threshold) / 0.15)}, seeded. */
    PROBABILISTIC("probabilistic");

    private final String id;

    GateMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static GateMode parse(String field, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (GateMode g : values()) {
            if (g.id.equals(v)) {
                return g;
            }
        }
        throw new ConfigException(field, field + " '" + value + "' is not a gate; allowed: hard, probabilistic");
    }

    @Override
    public String toString() {
        return id;
    }
}
