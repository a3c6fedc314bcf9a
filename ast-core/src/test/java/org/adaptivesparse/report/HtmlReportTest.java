package org.adaptivesparse.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.adaptivesparse.result.ExperimentResult;
import org.adaptivesparse.result.ResultFixture;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {
    @TempDir
    Path dir;

    @Test
    void sideBySideTableHasOneRowPerRun() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn")));
        Elements rows = d.select("table.runs:not(.ttt) tbody tr");
        assertEquals(3, rows.size());
        assertEquals(List.of("ast (fresh)", "full", "random"), rows.stream().map(r -> r.child(0).text()).toList());
        assertTrue(d.select("table.runs thead th").last().text().contains("modeled"));
        assertEquals("2.00x", rows.get(0).child(5).text());
    }

    @Test
    void oneSvgPerChartEachWithATitle() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn")));
        Elements svgs = d.select("svg");
        assertEquals(5, svgs.size());
        List<String> titles = svgs.stream().map(s -> s.selectFirst("title").text()).toList();
        assertEquals(List.of("Test accuracy against training time", "Test accuracy per epoch", "Training loss per epoch", "AST activation per batch",
                "AST gate threshold per batch"), titles);
        for (Element s : svgs) {
            assertFalse(s.select("path").isEmpty(), "chart draws a line");
            assertFalse(s.select("text.legend").isEmpty(), "chart has a legend");
        }
    }

    @Test
    void historyAddsATrendChartOfTheLast20Runs() {
        Path h = dir.resolve("history.jsonl");
        for (int i = 0; i < 25; i++) {
            History.append(h, ResultFixture.result().build(), Instant.parse("2025-01-01T00:00:00Z").plusSeconds(i));
        }
        History.append(h, ResultFixture.result().name("other").build());
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn"), History.read(h)));
        assertEquals(6, d.select("svg").size());
        assertEquals("History: last 20 runs", d.select("svg").last().selectFirst("title").text());
    }

    @Test
    void historyOfSeveralSeedsDrawsTheirSpreadAndOneSeedOnlyThePoints() {
        Path multi = dir.resolve("multi.jsonl");
        Path single = dir.resolve("single.jsonl");
        for (int i = 0; i < 3; i++) {
            HistoryEntry e = History.append(multi, ResultFixture.result().seeds(1, 2, 3).build());
            assertEquals(e.accuracyHigh() - 0.002, e.accuracyLow(), 1e-9, "three seeds, 0.001 apart");
            History.append(single, ResultFixture.result().build());
        }
        String spread = HtmlReport.render(ReportFixtures.passing("cnn"), History.read(multi));
        assertTrue(spread.contains("accuracy, lowest seed") && spread.contains("accuracy, highest seed"));
        String points = HtmlReport.render(ReportFixtures.passing("cnn"), History.read(single));
        assertTrue(points.contains("History: last 3 runs") && !points.contains("lowest seed"));
    }

    @Test
    void aSingleRunOfHistoryDrawsNoTrend() {
        Path h = dir.resolve("one.jsonl");
        History.append(h, ResultFixture.result().build());
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn"), History.read(h)));
        assertTrue(d.select("svg title").stream().noneMatch(t -> t.text().startsWith("History")));
    }

    @Test
    void selfContainedNoScriptNoExternalResources() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.checked("cnn", dir.resolve("b.json"))));
        assertTrue(d.select("script").isEmpty());
        assertTrue(d.select("link[rel=stylesheet], img, iframe, object").isEmpty());
        for (Element e : d.select("[src], [href]")) {
            String url = e.hasAttr("src") ? e.attr("src") : e.attr("href");
            assertFalse(url.matches("(?i)^(https?:)?//.*"), "external resource " + url);
        }
        assertFalse(d.select("style").first().data().contains("@import"));
        assertFalse(d.select("style").first().data().contains("url("));
    }

    @Test
    void failingVerdictBannerListsEveryViolation() {
        ExperimentResult r = ReportFixtures.checked("cnn", dir.resolve("b.json"));
        Document d = Jsoup.parse(HtmlReport.render(r));
        Element banner = d.getElementById("verdict");
        assertTrue(banner.hasClass("fail"));
        assertEquals("FAIL", banner.selectFirst("strong").text());
        assertEquals(r.verdict().violations().size(), banner.select("li").size());
        assertEquals(r.verdict().violations().get(0).message(), banner.select("li").first().text());
    }

    @Test
    void baselineDeltasAreColouredByDirection() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.checked("cnn", dir.resolve("b.json"))));
        Elements rows = d.select("table.baseline tbody tr");
        assertEquals("Final accuracy (AST)", rows.get(0).child(0).text());
        assertTrue(rows.get(0).child(3).hasClass("worse"));
        assertEquals("-0.029", rows.get(0).child(3).text());
        assertEquals("drop at most 0.020", rows.get(0).child(4).text());
        assertEquals("regressed", rows.get(0).child(5).text());
        assertTrue(rows.get(0).child(5).hasClass("worse"));
        assertTrue(d.select("table.baseline td.better, table.baseline td.same").size() > 0);
    }

    @Test
    void measuredAndModeledArePresentedApart() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn")));
        Element headline = d.getElementById("headline");
        assertEquals(Set.of("measured", "modeled"),
                Set.copyOf(headline.select(".kind").stream().map(Element::text).toList()));
        assertTrue(headline.text().contains("Energy savings are modeled from sample counts (energyActive 10 per trained"
                + " sample, energySkipped 0.1 per skipped sample), not measured"));
    }

    @Test
    void hostileNameShowsAsText() {
        ExperimentResult r = ResultFixture.result().name(ReportFixtures.HOSTILE).build();
        String html = HtmlReport.render(r);
        assertFalse(html.contains("<script>"));
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script").isEmpty());
        assertEquals("AST report: " + ReportFixtures.HOSTILE, d.selectFirst("h1").text());
        assertEquals("AST report: " + ReportFixtures.HOSTILE, d.title());
    }

    @Test
    void epochTablesSplitSeconds() {
        Document d = Jsoup.parse(HtmlReport.render(ReportFixtures.passing("cnn")));
        Elements tables = d.select("table.epochs");
        assertEquals(3, tables.size());
        assertEquals(3, tables.first().select("tbody tr").size());
        List<String> heads = tables.first().select("th").eachText();
        assertTrue(heads.containsAll(List.of("scoring s", "select s", "step s")), heads.toString());
    }

    @Test
    void activationChartLeavesOutWarmupBatches() {
        Document d = Jsoup.parse(HtmlReport.render(ResultFixture.result().warmup(1).astActivation(1.0, 0.12, 0.1).build()));
        Element act = d.select("svg").get(3);
        assertEquals("AST activation per batch (after warmup)", act.selectFirst("title").text());
        assertFalse(act.select("text.tick").eachText().contains("100%"), act.select("text.tick").eachText().toString());
    }

    @Test
    void uncheckedResultRenders() {
        Document d = Jsoup.parse(HtmlReport.render(ResultFixture.result().withoutRandom().build()));
        assertEquals("NOT CHECKED", d.getElementById("verdict").selectFirst("strong").text());
        assertEquals(2, d.select("table.runs:not(.ttt) tbody tr").size());
        assertTrue(d.getElementById("baseline") == null);
    }

    /** Writes a sample report to target/report-preview for a human to look at. */
    @Test
    void writesPreview() throws Exception {
        Path out = Path.of("target", "report-preview");
        Path h = dir.resolve("history.jsonl");
        for (int i = 0; i < 6; i++) {
            History.append(h, ResultFixture.result().astAccuracy(0.7, 0.8, 0.84 + 0.005 * i).build());
        }
        ReportWriter.write(out.resolve("cnn"), ReportFixtures.checked("cnn", dir.resolve("b.json")), h);
        ReportWriter.write(out.resolve("mlp"), ReportFixtures.passing("mlp"), null);
        IndexPage.write(out);
        assertTrue(Files.exists(out.resolve("cnn/report.html")));
    }

    @Test
    void severalSeedsShowMediansSpreadsAndTimeToTargetPerSeed() {
        ExperimentResult r = ResultFixture.result().targetAccuracy(0.80).seeds(42, 43, 44).build();
        Document d = Jsoup.parse(HtmlReport.render(r));
        Element first = d.select("svg").first();
        assertEquals("Test accuracy against training time, 3 seeds", first.selectFirst("title").text());
        assertEquals(3, first.select("path[fill-opacity]").size(), "one shaded min–max area per policy");
        assertTrue(first.select("text.legend").eachText().contains("target 0.800"));
        Elements ttt = d.select("table.ttt tbody tr");
        assertEquals(3, ttt.size());
        assertEquals(List.of("seed 42", "seed 43", "seed 44"), d.select("table.ttt thead th").eachText().subList(1, 4));
        assertTrue(ttt.first().child(1).text().startsWith("8.0 s"), ttt.first().child(1).text());
        assertTrue(d.select("table.runs:not(.ttt) tbody tr").eachText().stream().anyMatch(t -> t.contains("seed 43")));
        assertTrue(d.getElementById("headline").text().contains("Time to 0.800 vs random"), d.getElementById("headline")
                .text());
        assertTrue(d.getElementById("headline").text().contains("AST first on 3 of 3 seeds"),
                d.getElementById("headline").text());
    }
}
