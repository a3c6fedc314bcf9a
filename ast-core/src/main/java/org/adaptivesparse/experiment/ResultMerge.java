package org.adaptivesparse.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.adaptivesparse.report.CombinedReport;
import org.adaptivesparse.report.HtmlReport;
import org.adaptivesparse.report.MarkdownSummary;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultJson;

/**
 * Merges the output directories of several CI runners (each trained some of the experiments) into
 * one: every {@code <name>/} directory holding a {@code result.json} is copied into the target, then
 * the index, the combined summary and the JUnit XML are written over all of them. The verdicts are
 * the ones each runner recorded; nothing is retrained or re-judged.
 */
public final class ResultMerge {
    private ResultMerge() {
    }

    /**
     * What a merge produced.
     *
     * @param outcomes one per experiment, in directory order
     * @param index    the merged {@code index.html}
     */
    public record Merged(List<ExperimentOutcome> outcomes, Path index) {
        public Merged {
            outcomes = List.copyOf(outcomes);
        }
    }

    /**
     * Copies each source's experiment directories into {@code target} and writes the combined outputs.
     *
     * @param sources output directories of several runs; {@code target} itself may be one of them
     * @throws AstFileException when a source is not a directory, holds no result, a result cannot be
     *         read, or two sources hold the same experiment directory
     */
    public static Merged merge(List<Path> sources, Path target) {
        Path to = target.toAbsolutePath().normalize();
        Map<String, Path> seen = new LinkedHashMap<>();
        for (Path source : sources) {
            Path from = source.toAbsolutePath().normalize();
            if (!Files.isDirectory(from)) {
                throw new AstFileException(source, "result directory " + source + " does not exist or is not a"
                        + " directory; give the output directories of the runs to merge");
            }
            List<Path> dirs = CombinedReport.experimentDirectories(from);
            if (dirs.isEmpty()) {
                throw new AstFileException(source, "result directory " + source + " holds no <name>/"
                        + ResultJson.FILE_NAME + "; was ast:train run with this outputDirectory?");
            }
            for (Path d : dirs) {
                String rel = from.relativize(d).toString();
                ResultJson.read(d.resolve(ResultJson.FILE_NAME));
                Path other = seen.putIfAbsent(rel, source);
                if (other != null) {
                    throw new AstFileException(d, "experiment directory '" + rel + "' is in both " + other + " and "
                            + source + "; each experiment must run on one runner only");
                }
                if (!from.equals(to)) {
                    copyTree(d, to.resolve(rel));
                }
            }
        }
        Path index = CombinedReport.write(to);
        List<ExperimentOutcome> outcomes = new ArrayList<>();
        for (String rel : seen.keySet()) {
            Path dir = to.resolve(rel);
            ExperimentResult r = ResultJson.read(dir.resolve(ResultJson.FILE_NAME));
            outcomes.add(new ExperimentOutcome(r, dir, dir.resolve(HtmlReport.FILE_NAME),
                    dir.resolve(ResultJson.FILE_NAME), dir.resolve(MarkdownSummary.FILE_NAME)));
        }
        return new Merged(outcomes, index);
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new AstFileException(to, "cannot copy " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
