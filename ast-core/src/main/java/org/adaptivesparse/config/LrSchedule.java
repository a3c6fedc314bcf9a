package org.adaptivesparse.config;

/** The learning rate over a run ({@code lrSchedule}), the same for every policy. */
public enum LrSchedule implements Choice {
    CONSTANT("the learning rate throughout"),
    COSINE("cosine decay to 0 by the last step");

    private final String description;

    LrSchedule(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
