package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.adaptivesparse.result.ResultJson;
import org.adaptivesparse.verdict.Verdicts;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's outputs: the trade-off section, the recommended target in summary.md, every point in the exports. */
class SweepReportTest {
    @TempDir
    Path dir;

    static ResultFixture sweep() {
        return ResultFixture.result().seeds(1, 2, 3).sweep(0.05, 0.1, 0.3).targetAccuracy(0.70)
                .point("ast", 0.05, new double[] {0.55, 0.66, 0.72}, new double[] {0.8, 0.8, 0.8})
                .point("ast", 0.1, new double[] {0.62, 0.75, 0.80}, new double[] {1, 1, 1})
                .point("ast", 0.3, new double[] {0.72, 0.82, 0.84}, new double[] {3, 3, 3})
                .point("random", 0.05, new double[] {0.50, 0.60, 0.65}, new double[] {0.5, 0.5, 0.5})
                .point("random", 0.1, new double[] {0.55, 0.68, 0.74}, new double[] {1, 1, 1})
                .point("random", 0.3, new double[] {0.66, 0.76, 0.81}, new double[] {2, 2, 2});
    }

    static ExperimentResult judged() {
        ResultFixture f = sweep();
        ExperimentResult r = f.build();
        return r.withVerdict(Verdicts.evaluate(f.config().toBuilder().targets("0.05,0.1,0.3").minAccuracy(0.7).build(), r));
    }

    @Test
    void theReportDrawsTheTradeOffAndTabulatesIt() {
        Document d = Jsoup.parse(HtmlReport.render(judged()));
        Element section = d.selectFirst("section#trade-off");
        assertNotNull(section);
        assertTrue(section.text().contains("Recommended target: 30%"), section.text());
        Element svg = section.selectFirst("svg");
        assertEquals("Time against accuracy per target, 3 seeds", svg.selectFirst("title").text());
        List<String> labels = svg.select("text.tick").eachText();
        assertTrue(labels.containsAll(List.of("5%", "10%", "30%", "full")), labels.toString());
        assertTrue(svg.select("circle[r=7]").size() >= 2, "frontier points are circled");
        List<Element> rows = section.select("table.trade-off tbody tr");
        assertEquals(7, rows.size(), "3 targets x (ast, random) + full");
        Element random5 = rows.get(3);
        assertEquals(List.of("random", "5%", "not reached (0/3)", "0/3", "0.649 [0.648–0.650]", "no"),
                random5.children().eachText());
        assertEquals("100% (reference)", rows.get(6).child(1).text());
        assertTrue(section.text().contains("Not drawn, because the median seed did not reach the target accuracy:"
                + " random at 5% (reached on 0 of 3 seeds)"), section.text());
        assertEquals("best", rows.get(2).child(6).text());
        // the rest of the report is the recommended point's
        assertEquals(List.of("ast (fresh) · seed 1", "full · seed 1", "random · seed 1"),
                d.select("section#side-by-side tbody tr").stream().limit(3).map(r -> r.child(0).text()).toList());
        assertEquals(9, d.select("section#side-by-side tbody tr").size(), "one target's 3 policies on 3 seeds");
        assertTrue(d.select("section#configuration").text().contains("targets 0.05,0.1,0.3"),
                d.select("section#configuration").text());
        assertEquals("AST report: cnn", d.selectFirst("h1").text());
        assertEquals("Side by side at targetActivation 30%", d.selectFirst("section#side-by-side h2").text());
    }

    @Test
    void aPlainExperimentHasNoTradeOffSection() {
        assertNull(Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn"))).selectFirst("section#trade-off"));
        assertTrue(!MarkdownSummary.render(ReportFixtures.passing("cnn")).contains("Recommended target"));
    }

    @Test
    void theSummaryNamesTheRecommendedTarget() {
        String md = MarkdownSummary.render(judged());
        assertTrue(md.contains("\n**Recommended target: 30%** \u2014 ast (fresh): 3.0 [3.0–3.0] s to 0.700, reached on"
                + " 3/3 seeds, final accuracy 0.839 [0.838–0.840]\n"), md);
        assertTrue(md.contains("\n| 5% | random | not reached (0/3) | 0/3 | 0.649 [0.648–0.650] | no |\n"), md);
        assertTrue(md.contains("- \u2705 threshold **minAccuracy@5%**: accuracy 0.7"), md);
        assertTrue(md.contains("\nSide by side at targetActivation 30%:\n"), md);
    }

    @Test
    void resultJsonKeepsEveryRunsTargetAndEveryPointIsExported() throws Exception {
        ExperimentOutputs out = ReportWriter.write(dir.resolve("cnn"), judged(), dir.resolve("history.jsonl"));
        ExperimentResult back = ResultJson.read(out.resultJson());
        assertEquals(21, back.runs().size(), "3 seeds x (3 ast + full + 3 random)");
        assertEquals(List.of(0.05, 0.1, 0.3), back.targets());
        assertEquals(3, back.sweep().size());
        assertEquals(judged().sweep().get(0).comparison().speedupVsFull(), back.sweep().get(0).comparison().speedupVsFull());
        var bigger = JsonParser.parseString(Files.readString(out.directory().resolve(DashboardExport.BIGGER)))
                .getAsJsonArray();
        assertTrue(bigger.toString().contains("\"cnn@5% ast accuracy\""), bigger.toString());
        assertTrue(bigger.toString().contains("\"cnn@30% random accuracy\""), bigger.toString());
        assertEquals(List.of("cnn@5%", "cnn@10%", "cnn@30%"),
                History.read(dir.resolve("history.jsonl")).stream().map(HistoryEntry::experiment).toList());
    }

    @Test
    void aSweepWithoutControlsOrAReachedTargetStillReportsAndSaysSo() {
        ExperimentResult alone = ResultFixture.result().sweep(0.1, 0.5).withoutFull().withoutRandom().build();
        Document d = Jsoup.parse(HtmlReport.render(alone));
        assertEquals(2, d.select("section#trade-off table.trade-off tbody tr").size(), "AST at two targets, nothing else");
        assertTrue(d.selectFirst("section#trade-off svg").text().contains("training s (whole run)"));

        ExperimentResult unreached = ResultFixture.result().sweep(0.1, 0.5).targetAccuracy(0.99).build();
        String md = MarkdownSummary.render(unreached);
        assertTrue(md.contains("\n**No recommended target**: AST reached 0.990 at no target on its median seed.\n"), md);
        Document u = Jsoup.parse(HtmlReport.render(unreached));
        assertNull(u.selectFirst("section#trade-off").selectFirst("svg circle[r=7]"), "nothing timed, nothing circled");
        assertTrue(u.selectFirst("section#trade-off").text().contains("Not drawn"));
    }
}
