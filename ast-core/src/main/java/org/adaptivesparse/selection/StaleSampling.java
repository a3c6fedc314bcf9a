package org.adaptivesparse.selection;

import org.adaptivesparse.config.Choice;

/** How the {@code stale} mode draws its score-driven share ({@code staleSampling}); see {@link StaleAstSelection}. */
public enum StaleSampling implements Choice {
    GREEDY("the highest stored scores first"),
    PROPORTIONAL("at random, proportional to the stored score"),
    COVERAGE("proportional to the stored score times the epochs since the sample was last trained"),
    PERCENTILE("Selective Backprop: the stored score's percentile among recent ones, to the power"
            + " percentileBeta");

    private final String description;

    StaleSampling(String description) {
        this.description = description;
    }

    @Override
    public String description() {
        return description;
    }
}
