package org.adaptivesparse.training;

import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;

/**
 * Receives progress as an experiment runs. The Maven goal routes it to Maven's log, the JUnit
 * extension to its reporter; {@link ProgressFormat} gives the standard wording. {@code policy} is the
 * policy's id for display; in a sweep it carries the point's target ({@code ast@10%}, {@code random@10%})
 * and {@code experiment} is the point's name ({@code cnn@10%}), except for {@code full}, which runs once.
 */
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** A policy's run is about to start. */
    default void runStarted(String experiment, String policy, int epochs) {
    }

    /** An epoch finished; {@code totalEpochs} is the run's planned number of epochs. */
    default void epochFinished(String experiment, String policy, EpochMetrics metrics, int totalEpochs) {
    }

    /**
     * A batch finished training; called for every batch, so an implementation must be cheap.
     * {@link BatchProgress} turns these calls into a line every 10 seconds of a long epoch.
     */
    default void batchFinished(String experiment, String policy, int epoch, int totalEpochs, int batch, int batches) {
    }

    /** A policy's run finished (possibly early, see {@link RunResult#diverged()}). */
    default void runFinished(String experiment, RunResult run) {
    }

    /** Any other line worth showing (data source, device, output paths). */
    default void info(String message) {
    }

    /** A problem that does not stop the run. */
    default void warn(String message) {
    }
}
