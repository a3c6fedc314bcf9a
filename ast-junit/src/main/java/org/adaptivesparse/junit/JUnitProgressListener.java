package org.adaptivesparse.junit;

import java.lang.System.Logger.Level;
import org.adaptivesparse.result.EpochMetrics;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.training.BatchProgress;
import org.adaptivesparse.training.ProgressFormat;
import org.adaptivesparse.training.ProgressListener;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Routes an experiment's progress to the platform logger ({@code System.Logger}, so it lands wherever
 * the build sends JUL or its bridge) and, epoch lines and warnings, to the test's report entries.
 */
final class JUnitProgressListener implements ProgressListener {
    private static final System.Logger LOG = System.getLogger(SparseTraining.class.getName());

    private final ExtensionContext context;
    private final BatchProgress progress = new BatchProgress();

    JUnitProgressListener(ExtensionContext context) {
        this.context = context;
    }

    @Override
    public void runStarted(String experiment, String policy, int epochs) {
        LOG.log(Level.INFO, "[{0}] {1}: {2} epoch(s)", experiment, policy, epochs);
        progress.restart();
    }

    @Override
    public void batchFinished(String experiment, String policy, int epoch, int totalEpochs, int batch, int batches) {
        progress.batchFinished(policy, epoch, totalEpochs, batch, batches)
                .ifPresent(line -> LOG.log(Level.INFO, "[{0}] {1}", experiment, line));
    }

    @Override
    public void epochFinished(String experiment, String policy, EpochMetrics metrics, int totalEpochs) {
        String line = ProgressFormat.epochLine(policy, metrics, totalEpochs);
        LOG.log(Level.INFO, "[{0}] {1}", experiment, line);
        context.publishReportEntry("ast", line);
        progress.restart();
    }

    @Override
    public void runFinished(String experiment, RunResult run) {
        if (run.diverged() != null) {
            warn("[" + experiment + "] " + run.policy() + ": " + run.diverged());
        }
    }

    @Override
    public void info(String message) {
        LOG.log(Level.INFO, message);
    }

    @Override
    public void warn(String message) {
        LOG.log(Level.WARNING, message);
        context.publishReportEntry("ast.warning", message);
    }
}
