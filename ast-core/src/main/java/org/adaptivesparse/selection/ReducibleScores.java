package org.adaptivesparse.selection;

import org.adaptivesparse.config.Choice;

/** Where the {@code reducible} mode's current loss comes from ({@code reducibleScores}). */
public enum ReducibleScores implements Choice {
    FRESH("a scoring forward over each batch; the top round(target * B) of the batch are trained, as RHO-LOSS does"),
    STORED("each sample's loss from its last training forward, no extra forward; the epoch's budget is the highest,"
            + " spread over its batches");

    private final String description;

    ReducibleScores(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
