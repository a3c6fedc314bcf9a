package org.adaptivesparse.result;

import java.util.List;

/**
 * The earlier runs a run is judged against: those of its history series (same experiment, same
 * settings, same environment fingerprint), oldest first, at most the configured window.
 *
 * @param name           the series as reports name it: the environment's CPU, flags, engine and threads
 * @param accuracy       AST's median final accuracy of each earlier run
 * @param modeledSavings AST's median modeled savings of each
 * @param selectionLift  AST's median last-epoch selection lift of each (NaN where not recorded)
 */
public record HistorySeries(String name, List<Double> accuracy, List<Double> modeledSavings,
        List<Double> selectionLift) {
    public HistorySeries {
        accuracy = List.copyOf(accuracy);
        modeledSavings = List.copyOf(modeledSavings);
        selectionLift = List.copyOf(selectionLift);
    }

    /** How many earlier runs the series holds. */
    public int runs() {
        return accuracy.size();
    }
}
