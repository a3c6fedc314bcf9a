package org.adaptivesparse.junit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.adaptivesparse.experiment.ExperimentOutcome;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@code index.html} of one directory for the whole test run (the reports directory, or one test
 * class's directory under it), linking the report of every {@link SparseTraining} test written under
 * it with its verdict. One instance per directory lives in the
 * root context's store and rewrites the page after each test, so the page is complete when the last
 * test finishes and a killed run still leaves one. Thread-safe for parallel test execution.
 */
final class ReportIndex {
    private final Path dir;
    private final List<ExperimentOutcome> outcomes = new ArrayList<>();

    private ReportIndex(Path dir) {
        this.dir = dir;
    }

    /** The index of {@code dir} for this test run. */
    static ReportIndex of(ExtensionContext context, Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        return context.getRoot().getStore(SparseTrainingExtension.NAMESPACE)
                .getOrComputeIfAbsent(ReportIndex.class.getName() + ":" + key, k -> new ReportIndex(dir), ReportIndex.class);
    }

    /** Adds a finished experiment and rewrites the page; returns the page. */
    synchronized Path add(ExperimentOutcome outcome) {
        outcomes.add(outcome);
        return write();
    }

    private Path write() {
        List<ExperimentOutcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.comparing(o -> o.directory().toString()));
        return ExperimentPipeline.writeIndex(dir, sorted);
    }
}
