package org.adaptivesparse.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.report.JUnitXmlReport;
import org.adaptivesparse.report.MarkdownSummary;
import org.adaptivesparse.report.ReportWriter;
import org.adaptivesparse.result.AstFileException;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.Verdict;
import org.adaptivesparse.result.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultMergeTest {
    @TempDir
    Path dir;

    @Test
    void mergesTwoRunnersIntoOneIndexSummaryAndVerdict() throws Exception {
        ExperimentResult a = ResultFixture.result().name("a").build().withVerdict(new Verdict(true, List.of(), null));
        ExperimentResult b = ResultFixture.result().name("b").build().withVerdict(new Verdict(false,
                List.of(new Violation("accuracy", 0.5, 0.9, "accuracy 0.500 is below minAccuracy 0.900")), null));
        ReportWriter.write(dir.resolve("runner1/a"), a, null);
        ReportWriter.write(dir.resolve("runner2/b"), b, null);

        ResultMerge.Merged m = ResultMerge.merge(List.of(dir.resolve("runner1"), dir.resolve("runner2")),
                dir.resolve("merged"));

        assertEquals(List.of("a", "b"), m.outcomes().stream().map(o -> o.result().name()).toList());
        assertTrue(m.outcomes().get(0).passed());
        assertFalse(m.outcomes().get(1).passed());
        assertTrue(Files.isRegularFile(dir.resolve("merged/a/report.html")));
        assertTrue(Files.isRegularFile(dir.resolve("merged/b/bencher.json")));
        String index = Files.readString(m.index());
        assertTrue(index.contains("a/report.html") && index.contains("b/report.html"), index);
        String md = Files.readString(dir.resolve("merged").resolve(MarkdownSummary.FILE_NAME));
        assertTrue(md.startsWith("### \u274c AST: FAIL (2 experiments, 1 failed)"), md);
        String xml = Files.readString(dir.resolve("merged").resolve(JUnitXmlReport.FILE_NAME));
        assertTrue(xml.contains("tests=\"2\" failures=\"1\""), xml);
    }

    @Test
    void theSameExperimentOnTwoRunnersIsAnError() {
        ExperimentResult a = ResultFixture.result().name("a").build();
        ReportWriter.write(dir.resolve("r1/a"), a, null);
        ReportWriter.write(dir.resolve("r2/a"), a, null);
        AstFileException e = assertThrows(AstFileException.class,
                () -> ResultMerge.merge(List.of(dir.resolve("r1"), dir.resolve("r2")), dir.resolve("out")));
        assertTrue(e.getMessage().startsWith("experiment directory 'a' is in both "), e.getMessage());
    }

    @Test
    void aSourceWithoutResultsIsAnError() throws Exception {
        Files.createDirectories(dir.resolve("empty"));
        AstFileException e = assertThrows(AstFileException.class,
                () -> ResultMerge.merge(List.of(dir.resolve("empty")), dir.resolve("out")));
        assertEquals("result directory " + dir.resolve("empty") + " holds no <name>/result.json; was ast:train run"
                + " with this outputDirectory?", e.getMessage());
    }
}
