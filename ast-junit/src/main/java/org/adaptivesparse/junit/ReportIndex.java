package org.adaptivesparse.junit;

import java.nio.file.Path;
import org.adaptivesparse.experiment.ExperimentPipeline;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@code index.html} of one directory for the whole test run (the reports directory, or one
 * test class's directory under it), linking the report of every {@link SparseTraining} test written
 * under it with its verdict. One instance per directory lives in the root context's store, which
 * closes it when the test run ends: the page is written then, once, by the core's
 * {@link ExperimentPipeline#writeIndex(Path)}. Holds nothing but the directory, so parallel tests
 * share it safely.
 */
@SuppressWarnings("deprecation") // CloseableResource: closed by JUnit before 5.13 and with auto-closing off
final class ReportIndex implements AutoCloseable, ExtensionContext.Store.CloseableResource {
    private final Path dir;

    private ReportIndex(Path dir) {
        this.dir = dir;
    }

    /** Makes sure {@code dir}'s index is written when this test run ends. */
    static void register(ExtensionContext context, Path dir) {
        Path key = dir.toAbsolutePath().normalize();
        context.getRoot().getStore(SparseTrainingExtension.NAMESPACE)
                .getOrComputeIfAbsent(ReportIndex.class.getName() + ":" + key, k -> new ReportIndex(dir), ReportIndex.class);
    }

    /** Writes the page; JUnit calls it once, when the root context closes. */
    @Override
    public void close() {
        ExperimentPipeline.writeIndex(dir);
    }
}
