package org.adaptivesparse.report;

import java.nio.file.Path;

/**
 * The files written for one experiment.
 *
 * @param directory  the experiment's output directory
 * @param resultJson {@code result.json}
 * @param reportHtml {@code report.html}
 * @param summaryMd  {@code summary.md}
 */
public record ExperimentOutputs(Path directory, Path resultJson, Path reportHtml, Path summaryMd) {
}
