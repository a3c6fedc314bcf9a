package org.adaptivesparse.report;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;

/**
 * Writes one experiment's outputs: {@code result.json}, {@code report.html}, {@code summary.md} and
 * the dashboard exports ({@link DashboardExport}) in its directory, and appends to the history file when one is configured. Nothing else is
 * written or overwritten; the output directory's {@code index.html} is {@link IndexPage}'s, written
 * once when every experiment is done.
 */
public final class ReportWriter {
    private ReportWriter() {
    }

    /** The directory of {@code cfg}'s experiment: {@code outputDir/<directoryName>}. */
    public static Path experimentDirectory(ExperimentConfig cfg) {
        return cfg.outputDir().resolve(cfg.directoryName());
    }

    /**
     * Writes the outputs of a run of {@code cfg} under {@link #experimentDirectory(ExperimentConfig)}
     * and appends to {@link ExperimentConfig#historyFile()} when set.
     */
    public static ExperimentOutputs write(ExperimentConfig cfg, ExperimentResult result) {
        return write(experimentDirectory(cfg), result, cfg.historyFile());
    }

    /**
     * Writes {@code result.json}, {@code report.html} and {@code summary.md} into {@code directory}.
     * The history entry is appended first, so the report's trend includes this run.
     *
     * @param historyFile null for no history
     * @throws org.adaptivesparse.result.AstFileException naming the file that cannot be written
     */
    public static ExperimentOutputs write(Path directory, ExperimentResult result, Path historyFile) {
        OutputDirectories.prepare(directory);
        List<HistoryEntry> history = List.of();
        if (historyFile != null) {
            for (ExperimentResult point : result.points()) { // a sweep: one line per point, named like it
                History.append(historyFile, point.withVerdict(result.verdict()));
            }
            history = History.read(historyFile);
        }
        Path json = directory.resolve(ResultJson.FILE_NAME);
        ResultJson.write(json, result);
        Path html = HtmlReport.write(directory.resolve(HtmlReport.FILE_NAME), result, history);
        Path md = MarkdownSummary.write(directory.resolve(MarkdownSummary.FILE_NAME), result);
        DashboardExport.write(directory, result);
        return new ExperimentOutputs(directory, json, html, md);
    }
}
