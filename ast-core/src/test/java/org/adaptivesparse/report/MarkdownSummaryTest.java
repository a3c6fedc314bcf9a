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
        assertEquals("| ast (fresh) | 0.850 | 0.1667 | 12.0 s | 4.0 s | 2.00x | 325 | 10.8% | 88.3% |",
                lines.stream().filter(l -> l.startsWith("| ast")).findFirst().orElseThrow());
        assertEquals(3, lines.stream().filter(l -> l.startsWith("| ") && !l.startsWith("| Run")).count());
        assertTrue(md.contains("Energy savings are modeled from sample counts"));
        assertTrue(md.contains("not measured; speedup and accuracy are measured."));
    }

    @Test
    void failingSummaryListsViolations() {
        ExperimentResult r = ReportFixtures.checked("cnn", dir.resolve("b.json"));
        String md = MarkdownSummary.render(r);
        assertTrue(md.startsWith("### \u274c AST cnn: FAIL\n\n- accuracy 0.842 is below minAccuracy 0.850"), md);
        assertEquals(r.verdict().violations().size(), md.lines().filter(l -> l.startsWith("- ")).count());
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
}
