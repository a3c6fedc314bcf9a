package org.adaptivesparse.maven;

import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.training.BatchProgress;
import org.adaptivesparse.training.ProgressFormat;
import org.adaptivesparse.training.ProgressListener;
import org.apache.maven.plugin.logging.Log;

/**
 * Routes the core's progress to Maven's log: one INFO line per epoch, a line every 10 seconds of a long
 * epoch ({@link BatchProgress}), problems as WARNING.
 */
final class MavenProgressListener implements ProgressListener {
    private final Log log;
    private final BatchProgress progress = new BatchProgress();

    MavenProgressListener(Log log) {
        this.log = log;
    }

    @Override
    public void runStarted(String experiment, String policy, int epochs) {
        log.info("[" + experiment + "] training " + policy + " for " + epochs + " epoch(s)");
        progress.restart();
    }

    @Override
    public void batchFinished(String experiment, String policy, int epoch, int totalEpochs, int batch, int batches) {
        progress.batchFinished(policy, epoch, totalEpochs, batch, batches).ifPresent(log::info);
    }

    @Override
    public void epochFinished(String experiment, String policy, EpochMetrics metrics, int totalEpochs) {
        log.info(ProgressFormat.epochLine(policy, metrics, totalEpochs));
        progress.restart();
    }

    @Override
    public void runFinished(String experiment, RunResult run) {
        if (run.diverged() != null) {
            log.warn("[" + experiment + "] " + run.policy() + " stopped early: " + run.diverged());
        }
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }
}
