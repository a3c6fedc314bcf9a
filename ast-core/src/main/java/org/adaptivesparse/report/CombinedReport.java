package org.adaptivesparse.report;

import java.io.IOException;
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

/**
 * The files that cover every experiment of an output directory, written once when a goal, a test
 * run or a merge is done: {@code index.html}, the combined {@code summary.md} and {@code TEST-ast.xml}.
 */
public final class CombinedReport {
    private CombinedReport() {
    }

    /**
     * The readable results below {@code outputDir} (up to {@link IndexPage#MAX_DEPTH} levels), keyed by
     * their directory relative to it, sorted; a result that cannot be read is left out (the index says why).
     */
    public static Map<String, ExperimentResult> scan(Path outputDir) {
        Map<String, ExperimentResult> out = new LinkedHashMap<>();
        for (Path d : experimentDirectories(outputDir)) {
            try {
                out.put(outputDir.relativize(d).toString(), ResultJson.read(d.resolve(ResultJson.FILE_NAME)));
            } catch (AstFileException e) {
                // IndexPage lists it with the reason
            }
        }
        return out;
    }

    /** The directories below {@code outputDir} holding a {@code result.json}, sorted. */
    public static List<Path> experimentDirectories(Path outputDir) {
        if (!Files.isDirectory(outputDir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.walk(outputDir, IndexPage.MAX_DEPTH)) {
            return s.filter(p -> !p.equals(outputDir) && Files.isRegularFile(p.resolve(ResultJson.FILE_NAME)))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AstFileException(outputDir, "output directory " + outputDir + " cannot be listed: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes {@code index.html}, {@code summary.md} and {@code TEST-ast.xml} into {@code outputDir}
     * for every experiment below it.
     *
     * @return the index file
     */
    public static Path write(Path outputDir) {
        Path index = IndexPage.write(outputDir);
        List<ExperimentResult> results = new ArrayList<>(scan(outputDir).values());
        MarkdownSummary.writeAll(outputDir.resolve(MarkdownSummary.FILE_NAME), results);
        JUnitXmlReport.write(outputDir.resolve(JUnitXmlReport.FILE_NAME), results);
        return index;
    }
}
