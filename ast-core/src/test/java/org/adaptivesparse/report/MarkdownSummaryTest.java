package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MarkdownSummaryTest {
    @TempDir
    Path dir;

    @Test
    void passingSummary() {
        String md = MarkdownSummary.render(ReportFixtures.passing("cnn"));
        List<String> lines = md.lines().toList();
        assertEquals("### \u2705 AST cnn: PASS", lines.get(0));
        assertEquals("- \u2705 threshold **minAccuracy**: accuracy 0.850, limit \u2265 0.800", lines.get(2));
        assertEquals(MarkdownSummary.MARKER, lines.get(lines.size() - 1));
        assertEquals("| ast (fresh) | 0.850 | 0.1667 | 12.0 s | 4.0 s | 2.00x | 325 | 10.8% | 88.3% |",
                lines.stream().filter(l -> l.startsWith("| ast")).findFirst().orElseThrow());
        assertEquals(3, lines.stream().dropWhile(l -> !l.startsWith("| Run")).filter(l -> l.startsWith("| ")
                && !l.startsWith("| Run")).count());
        assertTrue(lines.indexOf("| Measured | AST | How |") > 2, md);
        assertTrue(md.contains("\n| Speedup vs random | **"), md);
        assertTrue(md.contains("Energy savings are modeled from sample counts"));
        assertTrue(md.contains("not measured; speedup and accuracy are measured."));
    }

    @Test
    void headlineGivesTimeToTargetAgainstRandomAndFullFirst() {
        ExperimentResult r = org.adaptivesparse.result.ResultFixture.result().targetAccuracy(0.8).build();
        String md = MarkdownSummary.render(r);
        List<String> headline = md.lines().dropWhile(l -> !l.startsWith("| Measured")).skip(2)
                .takeWhile(l -> l.startsWith("| ")).toList();
        assertTrue(headline.get(0).startsWith("| Time to 0.800 vs random | **"), md);
        assertTrue(headline.get(1).startsWith("| Time to 0.800 vs full | **"), md);
        assertTrue(headline.stream().anyMatch(l -> l.startsWith("| Speedup vs random | **")), md);
        assertTrue(headline.get(headline.size() - 1).startsWith("| Energy savings (modeled) |"), md);
    }

    @Test
    void failingSummaryListsViolations() {
        ExperimentResult r = ReportFixtures.checked("cnn", dir.resolve("b.json"));
        String md = MarkdownSummary.render(r);
        assertTrue(md.startsWith("### \u274c AST cnn: FAIL\n\n- \u274c threshold **minAccuracy**: accuracy 0.842,"
                + " limit \u2265 0.850 \u2014 accuracy 0.842 is below minAccuracy 0.850"), md);
        assertEquals(r.verdict().checks().size(), md.lines().filter(l -> l.startsWith("- ")).count());
        assertEquals(r.verdict().violations().size(), md.lines().filter(l -> l.startsWith("- \u274c")).count());
        assertTrue(md.contains("\n| Final accuracy (AST) | 0.871 | 0.842 | -0.029 | drop at most 0.020 | \u274c no |\n"),
                md);
        assertTrue(md.indexOf("| Against baseline") < md.indexOf("| Run |"), "deltas before the side-by-side table");
        // a count of samples is a whole number, not a ratio
        assertTrue(md.lines().anyMatch(l -> l.matches(
                "\\| Samples seen, all policies \\| [0-9,]+ \\| [0-9,]+ \\| [+-][0-9,]+ \\|.*")), md);
        assertTrue(md.endsWith("\n" + MarkdownSummary.MARKER + "\n"), md);
    }

    @Test
    void hostileTextIsEscaped() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt; \\| a&amp;b", MarkdownSummary.text(ReportFixtures.HOSTILE));
        String md = MarkdownSummary.render(ResultFixture.result().name(ReportFixtures.HOSTILE).build());
        assertFalse(md.contains("<script>"));
        assertTrue(md.lines().findFirst().orElseThrow().contains("&lt;script&gt;alert(1)&lt;/script&gt; \\| a&amp;b"));
    }

    @Test
    void pipeInACellDoesNotSplitIt() {
        String cell = MarkdownSummary.text("a|b");
        assertEquals("a\\|b", cell);
    }

    @Test
    void combinedSummaryHasOneVerdictEachExperimentAndOneMarker() {
        String md = MarkdownSummary.renderAll(List.of(ReportFixtures.passing("mlp"),
                ReportFixtures.checked("cnn", dir.resolve("b.json"))));
        List<String> lines = md.lines().toList();
        assertEquals("### \u274c AST: FAIL (2 experiments, 1 failed)", lines.get(0));
        assertTrue(lines.contains("#### \u2705 mlp: PASS"), md);
        assertTrue(lines.contains("#### \u274c cnn: FAIL"), md);
        assertEquals(1, lines.stream().filter(MarkdownSummary.MARKER::equals).count());
        assertEquals(MarkdownSummary.MARKER, lines.get(lines.size() - 1));
    }
}
