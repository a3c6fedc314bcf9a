package org.adaptivesparse.config;

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
        return Choices.parse(field, value, values(), GateMode::id, "a gate");
    }

    @Override
    public String toString() {
        return id;
    }
}
