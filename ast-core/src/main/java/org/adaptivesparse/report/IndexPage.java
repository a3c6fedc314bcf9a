package org.adaptivesparse.report;

import org.adaptivesparse.config.Policy;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.result.RunResult;
import org.adaptivesparse.result.TextFiles;

/**
 * {@code index.html} for an output directory holding several experiments: one row per experiment
 * subdirectory with its verdict, headline figures and a relative link to its report.
 */
public final class IndexPage {
    /** The file name in the output directory. */
    public static final String FILE_NAME = "index.html";
    /** How deep below the output directory experiment directories are looked for. */
    static final int MAX_DEPTH = 3;

    private IndexPage() {
    }

    /**
     * Renders the index of the given results.
     *
     * @param byDirectory results keyed by their subdirectory name (the link target), in display order
     */
    public static String render(Map<String, ExperimentResult> byDirectory) {
        List<Map<String, String>> rows = new ArrayList<>();
        byDirectory.forEach((dir, r) -> rows.add(row(dir, r)));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("errors", List.of());
        return Templates.render("index.ftlh", m);
    }

    /**
     * Scans {@code outputDir}'s subdirectories, up to {@link #MAX_DEPTH} levels deep (the JUnit
     * extension nests {@code <class>/<method>/}), for {@code result.json} and writes {@code index.html}.
     * A result that cannot be read gets a row saying why, rather than hiding the experiment.
     *
     * @return the index file
     */
    public static Path write(Path outputDir) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(outputDir, MAX_DEPTH)) {
            dirs = s.filter(p -> !p.equals(outputDir) && Files.isRegularFile(p.resolve(ResultJson.FILE_NAME)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AstFileException(outputDir, "output directory " + outputDir + " cannot be listed: "
                    + e.getMessage(), e);
        }
        for (Path d : dirs) {
            try {
                rows.add(row(outputDir.relativize(d).toString(), ResultJson.read(d.resolve(ResultJson.FILE_NAME))));
            } catch (AstFileException e) {
                errors.add(e.getMessage());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("errors", errors);
        Path file = outputDir.resolve(FILE_NAME);
        TextFiles.write(file, Templates.render("index.ftlh", m));
        return file;
    }

    private static Map<String, String> row(String dir, ExperimentResult sweepOrExperiment) {
        Map<String, Object> v = ReportModel.verdict(sweepOrExperiment);
        TradeOff t = TradeOff.of(sweepOrExperiment).orElse(null);
        // a sweep's row shows the figures of the point its report details
        ExperimentResult r = t == null ? sweepOrExperiment : t.detail(sweepOrExperiment);
        RunResult ast = r.run(Policy.AST).orElse(null);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("name", t == null ? r.name() : r.name() + " (sweep; figures at "
                + ExperimentResult.percent(t.detailTarget(sweepOrExperiment)) + ")");
        StringBuilder href = new StringBuilder();
        for (Path segment : Path.of(dir)) {
            href.append(URLEncoder.encode(segment.toString(), StandardCharsets.UTF_8).replace("+", "%20")).append('/');
        }
        row.put("href", href + HtmlReport.FILE_NAME);
        row.put("status", (String) v.get("status"));
        row.put("label", (String) v.get("label"));
        row.put("violations", String.valueOf(((List<?>) v.get("violations")).size()));
        row.put("accuracy", Formats.ratio(ast == null ? Double.NaN : ast.finalAccuracy()));
        row.put("activation", Formats.percent(ast == null ? Double.NaN : ast.activationRate()));
        row.put("savings", Formats.percent(ast == null ? Double.NaN : ast.modeledSavings()));
        row.put("speedup", Formats.speedup(r.comparison() == null ? null : r.comparison().speedupVsFull()));
        row.put("startedAt", r.startedAt() == null ? "" : r.startedAt());
        return row;
    }
}
