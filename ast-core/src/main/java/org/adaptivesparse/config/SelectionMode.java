package org.adaptivesparse.config;

/** Where the AST policy's per-sample loss comes from. */
public enum SelectionMode {
    /**
     * A scoring forward pass over every sample of every batch (the algorithm as specified). Its
     * wall-clock speedup over full training is capped near {@code 3 / (1 + 3a)} at activation a.
     */
    FRESH("fresh"),
    /**
     * No scoring forward: each sample's loss as last seen in its own training forward pass. Once per
     * epoch the budget is filled with samples drawn by stored loss ({@code 1 - staleExploration} of
     * it; see {@code staleSampling}, {@code staleSkipTop}) and random samples (the rest, so none starves), spread evenly over the batches; an optional
     * inference sweep refreshes every stored loss every {@code staleRefreshEpochs} epochs (0: never).
     * The rate is exact by construction, so the controller is not used.
     */
    STALE("stale"),
    /**
     * No scoring forward: unbiased importance sampling from stored scores (Katharopoulos and Fleuret
     * 2018). Once per epoch the budget is drawn without replacement with probability proportional to
     * {@code score^importanceAlpha} mixed with the uniform {@code importanceFloor}, and each trained
     * sample's loss is weighted by {@code 1 / (n p_i)}, clipped and normalised to mean 1 per sub-batch.
     */
    IMPORTANCE("importance");

    private final String id;

    SelectionMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SelectionMode parse(String field, String value) {
        return Choices.parse(field, value, values(), SelectionMode::id, "a selection mode");
    }

    @Override
    public String toString() {
        return id;
    }
}
