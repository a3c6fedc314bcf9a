package org.adaptivesparse.experiment;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.training.ProgressListener;

/**
 * The whole job both front ends call: check the output directory, train side by side, apply
 * thresholds and baseline, and write {@code result.json}, {@code report.html} and {@code summary.md}
 * under {@code outputDir/<experiment>/}. Reports are written whether or not the verdict passes.
 */
public final class ExperimentPipeline {
    private final ProgressListener listener;

    public ExperimentPipeline(ProgressListener listener) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /** Trains, judges and writes one experiment. */
    public ExperimentOutcome run(ExperimentConfig cfg) {
        ExperimentResult result = new ExperimentRunner(listener).run(cfg);
        throw new UnsupportedOperationException("reporting not wired yet: " + result.name());
    }

    /** Re-judges an existing {@code result.json} with this configuration's thresholds and baseline, and rewrites its report. */
    public ExperimentOutcome check(ExperimentConfig cfg, Path resultJson) {
        throw new UnsupportedOperationException("not wired yet");
    }

    /** Writes (or updates) the configuration's baseline entry from an existing {@code result.json}; returns the file. */
    public Path writeBaseline(Path resultJson, Path baselineFile) {
        throw new UnsupportedOperationException("not wired yet");
    }

    /** Writes {@code index.html} into {@code dir}, linking each outcome's report with its verdict. */
    public static Path writeIndex(Path dir, List<ExperimentOutcome> outcomes) {
        throw new UnsupportedOperationException("not wired yet");
    }
}
