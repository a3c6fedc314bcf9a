package org.adaptivesparse.selection;

import org.adaptivesparse.config.Choice;

/** What a stored-score mode remembers of each sample ({@code score}); see {@link StoredScores}. */
public enum ScoreKind implements Choice {
    LOSS("the per-sample cross-entropy"),
    GRADNORM("||softmax - onehot||, the last layer's gradient-norm bound"),
    ARTICLE("lossWeight * loss + stdWeight * pixel spread, normalised over the forward's samples");

    private final String description;

    ScoreKind(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
