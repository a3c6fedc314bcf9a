package org.adaptivesparse.selection;

import org.adaptivesparse.config.Choice;

/** How a stored-score mode's selection pressure moves over the run ({@code pressureSchedule}); see {@link PressureSchedule}. */
public enum Pressure implements Choice {
    CONSTANT("the configured uniform share throughout"),
    DECAY("the uniform share grows linearly to 1 by the last epoch");

    private final String description;

    Pressure(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
