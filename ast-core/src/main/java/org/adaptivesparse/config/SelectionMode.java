package org.adaptivesparse.config;

import java.util.Locale;

/** Where the AST policy's per-sample loss comes from. */
public enum SelectionMode {
    /**
     * A scoring forward pass over every sample of every batch (the algorithm as specified). Its
     * wall-clock speedup over full training is capped near {@code 3 / (1 + 3a)} at activation a.
     */
    FRESH("fresh"),
    /**
     * Each sample's loss as last seen in its own training forward pass, refreshed by a full scoring
     * pass only every {@code staleRefreshEpochs} epochs, with a share of random exploration so that no
     * sample starves. Skips the scoring forward most of the time.
     */
    STALE("stale");

    private final String id;

    SelectionMode(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static SelectionMode parse(String field, String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        for (SelectionMode s : values()) {
            if (s.id.equals(v)) {
                return s;
            }
        }
        throw new ConfigException(field, field + " '" + value + "' is not a selection mode; allowed: fresh, stale");
    }

    @Override
    public String toString() {
        return id;
    }
}
