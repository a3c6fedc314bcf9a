package org.adaptivesparse.config;

/** The learning rate over a run ({@code lrSchedule}), the same for every policy. */
public enum LrSchedule implements Choice {
    CONSTANT("constant", "the learning rate throughout"),
    COSINE("cosine", "cosine decay to 0 by the last step");

    private final String id;
    private final String description;

    LrSchedule(String id, String description) {
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
