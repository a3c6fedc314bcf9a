package org.adaptivesparse.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.config.ExperimentConfig;
import org.adaptivesparse.report.ExperimentOutputs;
import org.adaptivesparse.report.CombinedReport;
import org.adaptivesparse.report.History;
import org.adaptivesparse.report.IndexPage;
import org.adaptivesparse.report.OutputDirectories;
import org.adaptivesparse.report.ReportWriter;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.training.ProgressListener;
import org.adaptivesparse.verdict.Baseline;
import org.adaptivesparse.verdict.Limits;
import org.adaptivesparse.verdict.Verdicts;

/**
 * The whole job both front ends call: check the output directory, train side by side, apply
 * thresholds and baseline, and write {@code result.json}, {@code report.html} and {@code summary.md}
 * under {@code outputDir/<experiment>/}; then, once every experiment of a goal or test run is done,
 * {@code outputDir/index.html} with {@link #writeIndex(Path)}. Reports are written whether or not
 * the verdict passes; failing the build or the test is the front end's job.
 */
public final class ExperimentPipeline {
    private final ProgressListener listener;

    public ExperimentPipeline(ProgressListener listener) {
        this.listener = listener == null ? ProgressListener.NONE : listener;
    }

    /**
     * Trains, judges and writes one experiment.
     *
     * @throws org.adaptivesparse.result.AstFileException when the output directory cannot be written,
     *         before any training starts
     * @throws org.adaptivesparse.data.DataException when the data cannot be found or read
     */
    public ExperimentOutcome run(ExperimentConfig cfg) {
        Path dir = ReportWriter.experimentDirectory(cfg);
        OutputDirectories.prepare(dir);
        validateInputs(cfg);
        ExperimentResult result = new ExperimentRunner(listener).run(cfg);
        ExperimentOutputs out;
        try {
            result = result.withVerdict(Verdicts.evaluate(cfg, result, historyRules(cfg)));
            out = ReportWriter.write(cfg, result);
        } catch (RuntimeException e) {
            keep(dir, result, e);
            throw e;
        }
        listener.info("[" + cfg.name() + "] report: " + out.reportHtml());
        return outcome(result, out);
    }

    /**
     * Resolves the limits' figures and reads every file the run will read after training (the
     * baseline, the history) so that a misnamed figure or a damaged file stops the run before the
     * training it would otherwise throw away. A missing baseline is not an error here: the verdict
     * reports it.
     *
     * @throws org.adaptivesparse.config.ConfigException for {@code limits} naming a figure that does not exist
     * @throws org.adaptivesparse.result.AstFileException naming the file and what is wrong with it
     */
    public static void validateInputs(ExperimentConfig cfg) {
        Limits.of(cfg);
        if (cfg.baselineFile() != null && Files.exists(cfg.baselineFile())) {
            Baseline.read(cfg.baselineFile());
        }
        if (cfg.historyFile() != null) {
            if (Files.isDirectory(cfg.historyFile())) {
                throw new AstFileException(cfg.historyFile(), "history file " + cfg.historyFile()
                        + " is a directory; historyFile must name a file");
            }
            History.read(cfg.historyFile());
        }
    }

    /** The history series each result (or sweep point) is judged against, read before this run is appended. */
    private static Verdicts.HistoryRules historyRules(ExperimentConfig cfg) {
        if (cfg.historyFile() == null) {
            return null;
        }
        List<org.adaptivesparse.report.HistoryEntry> earlier = History.read(cfg.historyFile());
        return new Verdicts.HistoryRules(r -> History.series(earlier, r, cfg.historyWindow()), cfg.historyMinRuns(),
                cfg.historyWindow());
    }

    /**
     * After a failure past training, writes what can still be written (result.json, report and
     * summary, without the history) so no run's work is lost; a second failure is attached to the first.
     */
    private void keep(Path dir, ExperimentResult result, RuntimeException failure) {
        try {
            ExperimentOutputs out = ReportWriter.write(dir, result, null);
            listener.info("[" + result.name() + "] the run's result is kept: " + out.resultJson());
        } catch (RuntimeException again) {
            failure.addSuppressed(again);
        }
    }

    /**
     * Re-judges an existing {@code result.json} with this configuration's thresholds and baseline,
     * without training, and rewrites that experiment's report next to it.
     */
    public ExperimentOutcome check(ExperimentConfig cfg, Path resultJson) {
        ExperimentResult result = ResultJson.read(resultJson);
        Verdict verdict = Verdicts.rejudge(cfg, result);
        result = result.withVerdict(verdict);
        Path dir = resultJson.toAbsolutePath().getParent();
        ExperimentOutputs out = ReportWriter.write(dir, result, null);
        return outcome(result, out);
    }

    /**
     * Writes (or updates) the result's entry in the baseline file; the only way a baseline changes. A
     * sweep writes one entry per point, named like the point ({@code cnn@10%}).
     */
    public Path writeBaseline(Path resultJson, Path baselineFile) {
        ExperimentResult result = ResultJson.read(resultJson);
        List<String> removed = Baseline.writeExperiment(baselineFile, result);
        listener.info("[" + result.name() + "] baseline written to " + baselineFile + " from " + resultJson
                + (result.isSweep() ? " (" + result.points().size() + " points)" : "")
                + (removed.isEmpty() ? "" : "; removed the entries this run no longer measures: "
                        + String.join(", ", removed)));
        return baselineFile;
    }

    /**
     * Writes {@code index.html}, the combined {@code summary.md} and {@code TEST-ast.xml} into
     * {@code dir}, covering every experiment directory below it that holds a {@code result.json}: this
     * run's experiments and earlier ones beside them. The one call
     * that writes the index; a front end makes it once, after the last experiment of a goal or test run.
     *
     * @return the index file
     * @throws org.adaptivesparse.result.AstFileException when {@code dir} cannot be listed or the file written
     */
    public static Path writeIndex(Path dir) {
        return CombinedReport.write(dir);
    }

    private static ExperimentOutcome outcome(ExperimentResult result, ExperimentOutputs out) {
        return new ExperimentOutcome(result, out.directory(), out.reportHtml(), out.resultJson(), out.summaryMd());
    }
}
